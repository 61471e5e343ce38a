import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { SourceClient, SourceQuery } from "./source-client";

/**
 * A source that is an embedded PGlite database (the zero-setup demo's sample app, and tests).
 * The caller owns the PGlite instance; close() leaves it open.
 */
export function pgliteSource(pglite: PGlite): SourceClient {
  const run = (tx: Transaction): SourceQuery => async (text, params = []) => (await tx.query<Record<string, unknown>>(text, params as unknown[])).rows;
  return {
    read: (work) =>
      pglite.transaction(async (tx) => {
        await tx.exec("set transaction read only");
        return work(run(tx));
      }),
    write: (work) => pglite.transaction((tx) => work(run(tx))),
    close: async () => {},
  };
}
