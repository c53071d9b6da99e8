-- Visit events go through the one outbox (docs/notifications.md): an event may be about a booking
-- (visit.booked, visit.reminder, visit.cancelled) instead of an application. 015 already lets
-- application_id be null (webhook tests); an event is about one of them at most.
alter table outbox_event add column ticket_id uuid references visit_ticket (id) on delete cascade;
alter table outbox_event add check (application_id is null or ticket_id is null);
create index outbox_event_ticket_idx on outbox_event (ticket_id) where ticket_id is not null;
