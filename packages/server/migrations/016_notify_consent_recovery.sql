-- The citizen's choice of news channels, the contacts they go to, and the one-time links that
-- issue a new secret ("Lupa kode rahasia?"). See docs/notifications.md.

-- The channels the citizen opted into on the form ('email', 'phone'), set on every (re)submission.
-- Null: not asked (applications sent before this, or an API client that does not send `notify`):
-- they keep the behaviour they were made under, an e-mail to the `email` answer when given.
alter table application add column notify text[]
  check (notify is null or notify <@ array['email', 'phone']::text[]);
-- The contacts of the application as submitted (the form's e-mail and phone answers, normalized):
-- news goes there when opted into; a recovery link goes there when asked for with the same contact.
alter table application add column contact_email text;
alter table application add column contact_phone text;
-- Applications sent before this: their e-mail and phone answers (every form names them so).
update application set
  contact_email = nullif(lower(btrim(answers->>'email')), ''),
  contact_phone = nullif(btrim(answers->>'telepon'), '')
where status <> 'draft';

-- One-time links to a new secret: only the token's sha256 is kept; used once, then never again.
create table secret_recovery_token (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  application_id uuid not null references application (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index secret_recovery_token_app_idx on secret_recovery_token (application_id);

-- A message to the phone the citizen opted into goes through the region's gateway (a webhook).
alter table delivery drop constraint if exists delivery_channel_check;
alter table delivery add constraint delivery_channel_check check (channel in ('email', 'phone', 'webhook'));
