-- Life events (birth, death, marriage, moving, starting a business…): each an ordered path of
-- services, each step with why it is needed, and the steps needed only in a stated situation.
-- Seeded from data/catalogue/life-events.json. Numbered 011 to stay clear of the migrations
-- other branches add in parallel.
create table life_event (
  id text primary key,
  position integer not null,
  name_id text not null,
  name_en text not null,
  rationale_id text not null,
  rationale_en text not null,
  sources text[] not null default '{}'
);

create table life_event_step (
  event_id text not null references life_event (id) on delete cascade,
  position integer not null,
  service_id text not null references service (id),
  -- false: on the typical path (why_* set); true: only in the situation when_* states.
  conditional boolean not null,
  why_id text,
  why_en text,
  when_id text,
  when_en text,
  primary key (event_id, position),
  check ((conditional and when_id is not null and when_en is not null)
      or (not conditional and why_id is not null and why_en is not null))
);
