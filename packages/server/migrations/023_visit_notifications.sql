-- Visit events reach the citizen and the region's webhooks (docs/notifications.md, "Visits"):
-- a booking's e-mails carry a stop link of their own, like an application's.

-- Set when the citizen used the stop link of a visit e-mail: no more e-mails about this booking.
alter table visit_ticket add column notifications_stopped_at timestamptz;

-- A stop token is about one application, complaint (021) or booking.
alter table notification_stop_token add column ticket_id uuid references visit_ticket (id) on delete cascade;
alter table notification_stop_token drop constraint if exists notification_stop_token_check;
alter table notification_stop_token add constraint notification_stop_token_about_one
  check (num_nonnulls(application_id, complaint_id, ticket_id) = 1);

-- Visit events written before they were delivered (019 to 022): those about a day that has passed
-- would only tell old news; they are marked fanned out without deliveries. The rest go out now.
update outbox_event e set fanned_out_at = now()
from visit_ticket t
where e.ticket_id = t.id and e.fanned_out_at is null and t.day < current_date;
