-- Signed webhooks (Standard Webhooks): endpoints of an agency in a region, to which the outbox
-- delivers every event of that scope as a signed HTTP POST, on the same `delivery` queue as the
-- e-mails. See docs/notifications.md.

create table webhook_endpoint (
  id uuid primary key,
  agency_id text not null references agency (id),
  region_code text not null references region (code),  -- a province ('33') also gets its kabupaten/kota's events
  url text not null,
  -- `whsec_<base64>`: the HMAC key itself (signing needs it, so it cannot be kept hashed); shown once.
  secret text not null check (secret ~ '^whsec_[A-Za-z0-9+/]+={0,2}$'),
  event_types text[] not null default '{}',  -- empty: every event type
  description text,
  enabled boolean not null default true,
  disabled_reason text,           -- why it was disabled (after too many failures), for the officer to see
  disabled_at timestamptz,
  consecutive_failures int not null default 0,
  last_error text,
  last_failure_at timestamptz,
  last_success_at timestamptz,
  created_by text not null,       -- 'officer:<token id>' or 'cli'
  created_at timestamptz not null
);
create index webhook_endpoint_scope_idx on webhook_endpoint (agency_id, region_code);

-- A webhook delivery's target is its endpoint's id.
alter table delivery drop constraint delivery_channel_check;
alter table delivery add constraint delivery_channel_check check (channel in ('email', 'webhook'));
create index delivery_webhook_pending_idx on delivery (target) where channel = 'webhook' and status = 'pending';

-- `webhook.test` events are about no application.
alter table outbox_event alter column application_id drop not null;
