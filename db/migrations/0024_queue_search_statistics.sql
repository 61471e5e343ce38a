-- The queue's search inside names and addresses (lib/requests/list-queue.ts): the planner picks between
-- the trigram indexes (few matches: fetch them all, then sort) and the queue's order (many matches: walk
-- it until a page is full) by how many rows it expects `ilike '%…%'` to match, which it reads off the
-- column's histogram. With the default 100 entries a name shared by 1 % of the requests is often seen
-- in none of them (expected: ~90 rows, found 8,000, fetched all and sorted: 55 ms at 1M); with 1,000
-- the estimate is near enough for both kinds of term.
ALTER TABLE "requests" ALTER COLUMN "requester_name" SET STATISTICS 1000;--> statement-breakpoint
ALTER TABLE "requests" ALTER COLUMN "requester_email" SET STATISTICS 1000;
