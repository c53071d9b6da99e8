-- The service catalogue: regions (tenants), categories, agencies, services, regional overrides
-- and locations. Text facts are stored in both languages; the API picks one per request.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

create table region (
  code text primary key check (code ~ '^[0-9]{2}(\.[0-9]{2})?$'),
  code_system text not null default 'kemendagri' check (code_system = 'kemendagri'),
  level text not null check (level in ('province', 'regency')),
  kind text not null check (kind in ('provinsi', 'kabupaten', 'kota')),
  name text not null,
  province_code text references region (code),
  check ((level = 'province') = (province_code is null)),
  check ((level = 'province') = (kind = 'provinsi'))
);
create index region_province_idx on region (province_code);

create table category (
  id text primary key check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_id text not null,
  name_en text not null,
  position int not null
);

create table agency (
  id text primary key check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_id text not null,
  name_en text not null,
  level text not null check (level in ('central', 'provincial', 'regency', 'bumn', 'private'))
);

create table service (
  id text primary key check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  -- null: a national service, offered in every region; otherwise only in this region (and,
  -- for a province, in its kabupaten/kota).
  region_code text references region (code),
  category_id text not null references category (id),
  agency_id text not null references agency (id),
  name_id text not null,
  name_en text not null,
  aliases text[] not null default '{}',
  requirements jsonb not null default '[]',  -- [{id, en}]
  procedure jsonb not null default '[]',     -- [{id, en}]
  duration_days int check (duration_days >= 0),
  duration_text jsonb,                       -- {id, en} or null
  fee_amount_idr bigint check (fee_amount_idr >= 0),
  fee_legal_basis text,
  fee_variants jsonb not null default '[]',  -- [{label, amount_idr}]
  output jsonb not null,                     -- {id, en}
  channels text[] not null default '{}' check (channels <@ array['mpp', 'online', 'agency_office']),
  online_url text,
  legal_basis text[] not null default '{}',
  life_events text[] not null default '{}',
  complaint_channels jsonb not null default '[]', -- agency-specific channels beyond SP4N-LAPOR!
  confidence text not null check (confidence in ('high', 'medium', 'low')),
  sources text[] not null default '{}',
  notes text,
  synthetic boolean not null default false, -- generated benchmark data, never real
  updated_at timestamptz not null default now()
);
create index service_region_idx on service (region_code);
create index service_category_idx on service (category_id);
create index service_agency_idx on service (agency_id);

-- A region's local facts for a service. Null columns keep the national value.
create table service_override (
  service_id text not null references service (id) on delete cascade,
  region_code text not null references region (code),
  duration_days int check (duration_days >= 0),
  duration_text jsonb,
  fee_amount_idr bigint check (fee_amount_idr >= 0),
  fee_legal_basis text,
  fee_variants jsonb,
  requirements jsonb,
  procedure jsonb,
  channels text[] check (channels <@ array['mpp', 'online', 'agency_office']),
  online_url text,
  complaint_channels jsonb,
  notes text,
  sources text[] not null default '{}',
  updated_at timestamptz not null default now(),
  primary key (service_id, region_code)
);

create table location (
  id text primary key check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind text not null check (kind in ('mpp', 'office')),
  name text not null,
  region_code text not null references region (code),
  address text,
  opening_hours jsonb,   -- [{day, opens, closes}] or null when no source gives them
  agencies text[],       -- null when no source lists them
  opened text,
  confidence text not null check (confidence in ('high', 'medium', 'low')),
  sources text[] not null default '{}',
  notes text
);
create index location_region_idx on location (region_code);

-- Bumped by every catalogue write; part of every ETag so caches never serve stale data.
create table catalogue_version (
  id boolean primary key default true check (id),
  version bigint not null default 1,
  changed_at timestamptz not null default now()
);
insert into catalogue_version default values;
