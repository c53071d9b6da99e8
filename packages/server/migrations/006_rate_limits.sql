-- Counters behind the rate limits (requests per client address and kind of request) and the
-- lockout of tracking codes (wrong secrets per code), kept in the database so that every instance
-- on the same PostgreSQL counts together. One row per key and fixed window: `hits` since the
-- window began, until `resets_at`. UNLOGGED: counters need no WAL and no crash safety (after a
-- crash they start again from zero); expired rows are deleted as the server runs.
create unlogged table rate_counter (
  key text primary key,
  hits integer not null,
  resets_at timestamptz not null
);

create index rate_counter_resets_at on rate_counter (resets_at);
