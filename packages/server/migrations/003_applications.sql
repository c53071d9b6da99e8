-- Applications: form definitions, drafts and submissions with their immutable history,
-- attachments, idempotent submission, officer tokens, allowed web origins per region, and the
-- holiday calendar for working-day SLAs.

create table form_definition (
  service_id text primary key references service (id) on delete cascade,
  version int not null check (version >= 1),
  definition jsonb not null,   -- FormDefinition (title, steps, sources), both languages
  updated_at timestamptz not null default now()
);

create table application (
  id uuid primary key,
  code text not null unique check (code ~ '^[A-Z0-9]{12}$'),  -- stored without dashes, upper case
  secret_hash text not null,                                  -- sha256 (hex) of the secret
  service_id text not null references service (id),
  region_code text not null references region (code),
  agency_id text not null references agency (id),             -- who handles it (the service's agency)
  form_version int not null,
  status text not null check (status in
    ('draft', 'submitted', 'in_review', 'needs_revision', 'completed', 'rejected', 'withdrawn')),
  answers jsonb not null default '{}',
  revision_fields text[] not null default '{}',
  version int not null default 1,                             -- bumped on every write; the ETag
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz,
  due_date date,
  due_working_days int,
  due_calendar text not null default 'none' check (due_calendar in ('official', 'provisional', 'estimate', 'none'))
);
create index application_queue_idx on application (agency_id, region_code, status, due_date);
create index application_purge_idx on application (status, updated_at);

-- Every status change, appended and never changed (an update raises).
create table application_event (
  id bigint generated always as identity primary key,
  application_id uuid not null references application (id) on delete cascade,
  from_status text,
  to_status text not null,
  at timestamptz not null default now(),
  actor text not null,         -- 'citizen' or 'officer:<token name>'
  note text,                   -- for officers only
  public_note text,            -- shown to the citizen
  fields text[] not null default '{}'
);
create index application_event_app_idx on application_event (application_id, id);

create or replace function loket_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'application history is append-only';
end
$$;
create trigger application_event_append_only before update on application_event
  for each row execute function loket_append_only();

create table attachment (
  id uuid primary key,
  application_id uuid not null references application (id) on delete cascade,
  field text not null,
  filename text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size bigint not null check (size > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  created_at timestamptz not null default now()
);
create index attachment_app_idx on attachment (application_id);

-- The stored answer of a submission, per application and client-chosen key.
create table idempotency_key (
  application_id uuid not null references application (id) on delete cascade,
  key text not null,
  fingerprint text not null,   -- sha256 of the request body
  status int not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (application_id, key)
);

create table officer_token (
  id uuid primary key,
  name text not null,
  token_hash text not null unique,   -- sha256 (hex); the token itself is shown once
  agency_id text not null references agency (id),
  region_code text not null references region (code),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

-- Web origins allowed to call the citizen application endpoints from a browser, per region.
create table region_origin (
  region_code text not null references region (code),
  origin text not null check (origin ~ '^https?://[^/?#]+$'),
  created_at timestamptz not null default now(),
  primary key (region_code, origin)
);
create index region_origin_origin_idx on region_origin (origin);

-- National holidays and cuti bersama (data/catalogue/holidays.json; updatable by import).
create table holiday_year (
  year int primary key,
  status text not null check (status in ('official', 'provisional')),
  source text
);
create table holiday (
  date date primary key,
  kind text not null check (kind in ('libur_nasional', 'cuti_bersama')),
  name_id text not null,
  name_en text not null
);
