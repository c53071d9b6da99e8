-- Visits: book a time at an MPP counter, take a queue number, be called (docs/visits.md).
-- A location's visit set-up (hours, policy, counters, closures) is configuration a region imports
-- (`loket-server import visits.json`); the tickets are the bookings and walk-ins of a day.

create table visit_site (
  location_id text primary key references location (id) on delete cascade,
  -- A demonstration set-up, not the location's real one (shown to clients as `demo`).
  demo boolean not null default false,
  note text,
  sources text[] not null default '{}',
  -- {mon..sun: "HH:MM-HH:MM" | "closed" | null} for bookings; null: the location's recorded hours.
  hours jsonb,
  slot_minutes int not null check (slot_minutes between 5 and 240),
  capacity int not null check (capacity >= 1),
  days_ahead int not null check (days_ahead between 0 and 62),
  daily_quota int not null check (daily_quota >= 1),
  cutoff_minutes int not null check (cutoff_minutes >= 0),
  walk_in_per_slot int not null check (walk_in_per_slot >= 0),
  check (walk_in_per_slot <= capacity)
);

create table visit_counter (
  location_id text not null references visit_site (location_id) on delete cascade,
  id text not null check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  position int not null check (position >= 0),
  label text not null,
  agency_id text not null references agency (id),
  agency_name text not null,
  prefix text not null check (prefix ~ '^[A-Z]{1,2}$'),
  service_ids text[] not null check (cardinality(service_ids) > 0),
  primary key (location_id, id)
);
create index visit_counter_service_idx on visit_counter using gin (service_ids);

-- A day the location ('' counter: all of it) or one counter takes no visits.
create table visit_closure (
  location_id text not null references visit_site (location_id) on delete cascade,
  day date not null,
  counter_id text not null default '',
  reason text not null,
  origin text not null check (origin in ('import', 'officer')),
  created_at timestamptz not null default now(),
  primary key (location_id, day, counter_id)
);

-- Bookings and walk-ins. A booking has a code, a secret's hash and a contact; a walk-in has none.
create table visit_ticket (
  id uuid primary key,
  location_id text not null references location (id) on delete cascade,
  counter_id text not null,
  service_id text not null references service (id),
  kind text not null check (kind in ('booked', 'walk_in')),
  day date not null,
  slot_time text check (slot_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  starts_at timestamptz,
  ends_at timestamptz,
  prefix text not null,
  number int not null check (number > 0),
  status text not null check (status in ('booked', 'waiting', 'called', 'done', 'no_show', 'cancelled')),
  code text unique,
  secret_hash text,
  name text,
  phone text,
  email text,
  lang text not null default 'id' check (lang in ('id', 'en')),
  application_id uuid references application (id) on delete set null,
  cancel_reason text,
  checked_in_at timestamptz,
  called_at timestamptz,
  called_counter_id text,
  finished_at timestamptz,
  passed_over int not null default 0,
  reminded_at timestamptz,
  created_at timestamptz not null,
  check ((kind = 'booked') = (code is not null and secret_hash is not null and slot_time is not null)),
  check (kind = 'walk_in' or phone is not null or email is not null),
  unique (location_id, day, prefix, number)
);
-- One active booking per person (phone or e-mail) per service per day, under any concurrency.
create unique index visit_ticket_phone_once on visit_ticket (service_id, day, phone)
  where kind = 'booked' and status in ('booked', 'waiting', 'called') and phone is not null;
create unique index visit_ticket_email_once on visit_ticket (service_id, day, lower(email))
  where kind = 'booked' and status in ('booked', 'waiting', 'called') and email is not null;
create index visit_ticket_day_idx on visit_ticket (location_id, day, status);
create index visit_ticket_application_idx on visit_ticket (application_id) where application_id is not null;

-- Places taken, counted where the limit is checked: a conditional increment of one row is the
-- hard limit of a slot (capacity) and of a day (quota) on both engines, whatever the concurrency.
create table visit_slot_load (
  location_id text not null,
  counter_id text not null,
  day date not null,
  slot_time text not null,
  booked int not null check (booked >= 0),
  primary key (location_id, counter_id, day, slot_time)
);
create table visit_day_load (
  location_id text not null,
  counter_id text not null,
  day date not null,
  booked int not null check (booked >= 0),
  primary key (location_id, counter_id, day)
);
-- The last queue number given per location, day and prefix.
create table visit_number (
  location_id text not null,
  day date not null,
  prefix text not null,
  last int not null,
  primary key (location_id, day, prefix)
);

-- A booking's Idempotency-Key (its sha256), with the first answer encrypted under the key itself:
-- only the client that chose the key can read the secret in it again. Kept 24 hours.
create table visit_idempotency (
  key_hash text primary key check (key_hash ~ '^[0-9a-f]{64}$'),
  fingerprint text not null,
  status int,
  response text,
  created_at timestamptz not null
);

-- Every number called, in the order the board shows them (its id is the SSE event id). Calls of
-- one location are written one at a time (call next locks the location's visit_site row), so ids
-- commit in order and a board resuming after id n misses none.
create table visit_call (
  id bigint generated always as identity primary key,
  location_id text not null references location (id) on delete cascade,
  day date not null,
  counter_id text not null,
  counter_label text not null,
  ticket_id uuid not null references visit_ticket (id) on delete cascade,
  number text not null,
  service_id text not null,
  at timestamptz not null
);
create index visit_call_location_idx on visit_call (location_id, id);
