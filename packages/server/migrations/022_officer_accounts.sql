-- Officer accounts for the desk (/petugas/): people who sign in with a password and a TOTP code, or
-- through the region's OpenID Connect provider, and get a session cookie. The bearer tokens of
-- officer_token stay for integrations. See docs/officers.md.

create table officer_account (
  id uuid primary key,
  username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  name text not null,
  agency_id text not null references agency (id),
  -- The same scope as a bearer token's: a province code ('33') also covers its kabupaten/kota.
  region_code text not null references region (code),
  roles text[] not null check (cardinality(roles) > 0 and roles <@ array['officer', 'supervisor', 'admin']),
  -- 'scrypt$N=…,r=…,p=…$<salt>$<hash>' (base64); null: no password (single sign-on only).
  password_hash text check (password_hash is null or password_hash ~ '^scrypt\$'),
  -- The TOTP key (base32), needed in clear to check codes; null: no second factor enrolled.
  totp_secret text check (totp_secret is null or totp_secret ~ '^[A-Z2-7]{16,128}$'),
  -- The last TOTP time step accepted: a code is good once (no replay within its window).
  totp_last_step bigint,
  -- The OpenID Connect subject (`sub`) this account is linked to, once linked.
  oidc_subject text unique,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index officer_account_scope_idx on officer_account (agency_id, region_code);

-- Signed-in sessions. Only the SHA-256 of the session id is kept: the cookie alone opens it.
-- Signing out and disabling the account delete the rows, so the next request is refused at once.
create table officer_session (
  id_hash text primary key check (id_hash ~ '^[0-9a-f]{64}$'),
  account_id uuid not null references officer_account (id) on delete cascade,
  via text not null check (via in ('password', 'oidc')),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  -- The absolute end (created_at + LOKET_SESSION_MAX_HOURS); the idle end is last_seen_at + idle.
  expires_at timestamptz not null
);
create index officer_session_account_idx on officer_session (account_id);
create index officer_session_expires_idx on officer_session (expires_at);

-- The audit log: sign-ins, failures, lockouts, sign-outs, account changes and every request an
-- officer made to the officer API (by token or session). Appended, never changed (an update
-- raises). Never holds a password, a TOTP code, a token or a session id.
create table officer_audit (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  event text not null,
  account_id uuid,            -- the account concerned, when known
  token_id uuid,              -- the bearer token used, for token requests
  actor text not null,        -- 'officer:<username>', 'token:<name>', 'cli', 'oidc', 'anonymous'
  username text,              -- as typed at a sign-in (also when no such account exists)
  ip text,
  method text,
  path text,
  status int,
  detail jsonb not null default '{}'
);
create index officer_audit_at_idx on officer_audit (at);
create index officer_audit_account_idx on officer_audit (account_id, at);

create or replace function loket_audit_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'the officer audit log is append-only';
end
$$;
create trigger officer_audit_append_only before update on officer_audit
  for each row execute function loket_audit_append_only();
