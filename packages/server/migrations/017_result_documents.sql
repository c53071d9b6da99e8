-- The result document of an application (e.g. the digital akta PDF): attached by an officer while
-- the application is in review, downloadable by the citizen with the secret once it is completed.
-- One per application (a new upload replaces it); the bytes live in the attachments' storage under
-- a random key, like attachments. See docs/applications.md ("Receipt and result document").
create table result_document (
  application_id uuid primary key references application (id) on delete cascade,
  filename text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size bigint not null check (size > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  actor text not null,            -- 'officer:<token name>', as in application_event
  created_at timestamptz not null
);
