-- The one-time links of the survey invitations (docs/assessment.md): each e-mail or webhook of a
-- `survey.invitation` carries a fresh random token for the application or the visit it invites;
-- only the token's sha256 is kept. Opening the link answers the survey without the tracking
-- secret, until it expires; it is used up by the first response for its application or visit
-- (whichever way that response came: survey_marker says so, and a second use is refused).
-- Nothing here leads to a response: survey_response holds no application or visit.
create table survey_link (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  application_id uuid references application (id) on delete cascade,
  ticket_id uuid references visit_ticket (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  check (num_nonnulls(application_id, ticket_id) = 1)
);
create index survey_link_application_idx on survey_link (application_id) where application_id is not null;
create index survey_link_ticket_idx on survey_link (ticket_id) where ticket_id is not null;
