-- Rate-limit counters are short-lived and every public form updates one row per client address
-- first: as a logged table, that row's lock was held through each commit's WAL flush, so all
-- submissions from one address (or one NAT) queued behind each other's fsync. Unlogged, the
-- update writes no WAL and its commit does not wait for a flush. After a crash PostgreSQL empties
-- the table: the open windows start again, which a rate limit can afford.
ALTER TABLE "rate_limit_counters" SET UNLOGGED;
