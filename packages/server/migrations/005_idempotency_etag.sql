-- A replayed submission answers exactly as the first one did: its ETag too, not the ETag of the
-- row the replaying request happened to read (on PostgreSQL that may be the draft before it was
-- submitted). Rows stored before this column existed replay the application's current ETag.
alter table idempotency_key add column etag text;
