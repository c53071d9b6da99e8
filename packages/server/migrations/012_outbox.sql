-- Notifications: an outbox of application events written in the same transaction as the status
-- change, the deliveries a worker makes of them (one per event, channel and target, with a lease
-- so that several instances never send the same one at once), the citizen's language, and the
-- stop links of e-mails. See docs/notifications.md.

-- The language the citizen applied in (messages to them use it); earlier applications: Indonesian.
alter table application add column lang text not null default 'id' check (lang in ('id', 'en'));
-- Set when the citizen used a stop link: no more messages about this application.
alter table application add column notifications_stopped_at timestamptz;

create table outbox_event (
  id uuid primary key,
  application_id uuid not null references application (id) on delete cascade,
  topic text not null,            -- e.g. 'application.needs_revision'
  payload jsonb not null,         -- status, public note, revision field ids: never answers or the secret
  created_at timestamptz not null,
  fanned_out_at timestamptz       -- when its deliveries were created (null: not yet)
);
create index outbox_event_pending_idx on outbox_event (created_at) where fanned_out_at is null;
create index outbox_event_app_idx on outbox_event (application_id);

create table delivery (
  id text primary key check (id ~ '^[0-9a-f]{64}$'),  -- sha256 of event, channel and target: a resend keeps it
  event_id uuid not null references outbox_event (id) on delete cascade,
  channel text not null check (channel in ('email')),
  target text not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed', 'cancelled')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  locked_until timestamptz,       -- the lease of the instance sending it
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null
);
create index delivery_due_idx on delivery (next_attempt_at) where status = 'pending';
create index delivery_event_idx on delivery (event_id);

-- One-click stop links (RFC 8058): the token is in the message, its sha256 here.
create table notification_stop_token (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  application_id uuid not null references application (id) on delete cascade,
  created_at timestamptz not null
);
create index notification_stop_token_app_idx on notification_stop_token (application_id);
