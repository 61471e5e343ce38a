-- The queue's search inside names and addresses (lib/requests/list-queue.ts, search-grams.ts): every
-- 6-character piece of the lower-cased text, spaces, dots and digits included, so a piece that spans two words
-- ("ен мор" in "Даурен Морозов") or a name and a year ("yeva66") is as rare as the pair is. A text that contains
-- a term contains each of the term's pieces, so any of them narrows the rows to check; the search takes the
-- rarest few by the index's statistics. Immutable like lower() itself (the database's collation is fixed). A
-- loop in PL/pgSQL: 6 µs a call where a SQL function's generate_series took 16–24 (twice per INSERT). Pieces
-- repeated in a text stay in the array; GIN and the statistics count each once per row.
CREATE FUNCTION search_grams(value text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  lowered text := lower(value);
  grams text[] := '{}';
BEGIN
  FOR i IN 1 .. length(lowered) - 5 LOOP
    grams := grams || substr(lowered, i, 6);
  END LOOP;
  RETURN grams;
END
$$;--> statement-breakpoint
CREATE INDEX "requests_email_grams_idx" ON "requests" USING gin (search_grams("requester_email"));--> statement-breakpoint
CREATE INDEX "requests_name_grams_idx" ON "requests" USING gin (search_grams("requester_name"));--> statement-breakpoint
-- The search reads which pieces are common from these statistics (most_common_elems): 10,000 pieces, down to
-- ~1 in 10,000 rows, where the default keeps 1,000.
ALTER INDEX "requests_email_grams_idx" ALTER COLUMN 1 SET STATISTICS 1000;--> statement-breakpoint
ALTER INDEX "requests_name_grams_idx" ALTER COLUMN 1 SET STATISTICS 1000;
