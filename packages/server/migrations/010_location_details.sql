-- MPP locations gain what a citizen needs before going: the local time zone, opening hours per
-- weekday with the date and source they were recorded, a phone number, coordinates (only where a
-- source gives them) and the agencies present (tenants) with the catalogue services each offers.
-- The old opening_hours and agencies columns were never filled (no source): they go.
-- Numbered 010: 009 and 011 are taken by branches landing in parallel (overrides, life events).
alter table location
  drop column opening_hours,
  drop column agencies,
  add column timezone text not null default 'Asia/Jakarta'
    check (timezone in ('Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura')),
  -- {week: {mon..sun: "HH:MM-HH:MM" | "closed" | null}, as_of, sources, confidence, days_stated, note}
  add column hours jsonb,
  -- {number, scope: location|operator, as_of, sources}
  add column phone jsonb,
  add column lat double precision check (lat between -11.5 and 6.5),
  add column lng double precision check (lng between 94.5 and 141.5),
  add column coordinate_sources text[],
  add check ((lat is null) = (lng is null) and (lat is null) = (coordinate_sources is null));

-- The agencies reported at a location. Only `present` tenants count as offering their services.
-- agency_id is the catalogue's agency id where the agency is in the catalogue, else a stable slug
-- (no foreign key: banks, Telkom, notaries… are tenants without catalogue services).
create table location_tenant (
  location_id text not null references location (id) on delete cascade,
  position int not null check (position >= 0),
  agency_id text check (agency_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  agency_name text not null,
  status text not null
    check (status in ('present', 'planned', 'agreement_signed', 'unattended', 'temporarily_closed', 'left')),
  since text not null check (since ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
  service_ids text[] not null default '{}',
  services_named text[] not null default '{}',
  sources text[] not null check (cardinality(sources) > 0),
  note text,
  primary key (location_id, position)
);
create index location_tenant_service_idx on location_tenant using gin (service_ids);
create index location_tenant_agency_idx on location_tenant (agency_id);
