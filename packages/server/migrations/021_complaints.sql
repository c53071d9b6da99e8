-- Complaints (issue 17.5, docs/complaints.md): about one application, one visit or a service in
-- a region; each with its own code and short secret, in the inbox of the officers of the agency
-- that provides the service there (the same scope as applications), with a response date.
create table complaint (
  id uuid primary key,
  code text not null unique check (code ~ '^[A-Z0-9]{8}$'),   -- shown as ADU-XXXX-XXXX
  secret_hash text not null,
  kind text not null check (kind in ('application', 'visit', 'service')),
  application_id uuid references application (id) on delete set null,
  ticket_id uuid references visit_ticket (id) on delete set null,
  service_id text not null references service (id),
  region_code text not null references region (code),
  agency_id text not null references agency (id),
  category text not null,
  description text not null,
  contact_name text,
  contact_email text,
  contact_phone text,
  notify text[] not null default '{}',   -- the channels ticked for news (only these get messages)
  lang text not null check (lang in ('id', 'en')),
  status text not null default 'received' check (status in ('received', 'answered', 'closed')),
  filed_at timestamptz not null,
  due_date date,
  due_working_days int not null,
  due_calendar text not null check (due_calendar in ('official', 'provisional', 'estimate', 'none')),
  due_basis text not null check (due_basis in ('agency', 'default')),
  answer text,
  answered_at timestamptz,
  answered_by text,                      -- the officer's name, as the desk shows it
  closed_at timestamptz,
  close_note text,                       -- for officers only
  notifications_stopped_at timestamptz
);
create index complaint_inbox_idx on complaint (agency_id, region_code, status, due_date);

-- An agency's own response target in working days (loket-server complaints target); without a
-- row the default applies (complaints/target.ts).
create table complaint_target (
  agency_id text primary key references agency (id) on delete cascade,
  working_days int not null check (working_days between 1 and 60),
  source text                            -- where the agency's target comes from (a URL or a decree)
);

-- Complaint events go through the one outbox: an event is about one application, one visit or
-- one complaint, at most.
alter table outbox_event add column complaint_id uuid references complaint (id) on delete cascade;
alter table outbox_event add check (complaint_id is null or (application_id is null and ticket_id is null));
create index outbox_event_complaint_idx on outbox_event (complaint_id) where complaint_id is not null;

-- A complaint's messages carry a stop link too: its token stops news about that complaint.
alter table notification_stop_token alter column application_id drop not null;
alter table notification_stop_token add column complaint_id uuid references complaint (id) on delete cascade;
alter table notification_stop_token add check (num_nonnulls(application_id, complaint_id) = 1);
