import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { deadlineRules, files, requestAccessTokens, requestEvents, requestMessages, requests, type Request } from "@/db/schema";
import { FILE_ORDER } from "@/lib/files/file-order";
import { AUTO_REPLY_CHANNEL } from "@/lib/inbound/message-channels";

/** One status-page read: the token's request with everything its page shows, as rows of plain values. */
export type StatusPageRow = {
  request: Request;
  expiresAt: Date;
  timeline: { id: number; kind: string; actorType: string; data: Record<string, unknown>; createdAt: Date }[];
  messages: { id: string; direction: string; body: string; createdAt: Date }[];
  files: { id: string; messageId: string | null; purpose: string; filename: string; sizeBytes: number; availableUntil: Date | null }[];
  ruleUnit: string | null;
};

type Stored<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** A json column as the driver hands it: postgres.js parses json, PGlite may give its text. */
function rows<T>(value: unknown): T[] {
  return (typeof value === "string" ? JSON.parse(value) : (value ?? [])) as T[];
}

const at = (value: string) => new Date(value);
const atOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * The status page's data in one statement (one round trip, one write to the database's socket):
 * the token's row joined to its request, with the requester-visible timeline, the messages, the
 * files and the deadline rule's unit as json aggregates of that request alone. The page is
 * rendered per request, so a read split into side-by-side statements cost a socket write and a
 * pool connection each. Undefined when no unrevoked token has this hash; the caller decides what
 * the row grants (accessFromRow).
 */
export async function readStatusPage(db: Executor, tokenHash: string): Promise<StatusPageRow | undefined> {
  const [row] = await db
    .select({
      request: requests,
      expiresAt: requestAccessTokens.expiresAt,
      timeline: sql<unknown>`(select coalesce(json_agg(json_build_object('id', ${requestEvents.id}, 'kind', ${requestEvents.kind}, 'actorType', ${requestEvents.actorType}, 'data', ${requestEvents.data}, 'createdAt', ${requestEvents.createdAt}) order by ${requestEvents.id}), '[]'::json)
        from ${requestEvents} where ${requestEvents.requestId} = ${requests.id} and ${requestEvents.visibleToRequester})`,
      // The requester's own automatic replies (out of office) are for staff only.
      messages: sql<unknown>`(select coalesce(json_agg(json_build_object('id', ${requestMessages.id}, 'direction', ${requestMessages.direction}, 'body', ${requestMessages.body}, 'createdAt', ${requestMessages.createdAt}) order by ${requestMessages.createdAt}), '[]'::json)
        from ${requestMessages} where ${requestMessages.requestId} = ${requests.id} and ${requestMessages.direction} in ('inbound', 'outbound') and ${requestMessages.channel} <> ${AUTO_REPLY_CHANNEL})`,
      files: sql<unknown>`(select coalesce(json_agg(json_build_object('id', ${files.id}, 'messageId', ${files.messageId}, 'purpose', ${files.purpose}, 'filename', ${files.filename}, 'sizeBytes', ${files.sizeBytes}, 'availableUntil', ${files.availableUntil}) order by ${sql.join([...FILE_ORDER], sql`, `)}), '[]'::json)
        from ${files} where ${files.requestId} = ${requests.id} and ${files.deletedAt} is null)`,
      ruleUnit: sql<string | null>`(select ${deadlineRules.unit} from ${deadlineRules} where ${deadlineRules.id} = ${requests.deadlineRuleId})`,
    })
    .from(requestAccessTokens)
    .innerJoin(requests, eq(requests.id, requestAccessTokens.requestId))
    .where(and(eq(requestAccessTokens.tokenHash, tokenHash), isNull(requestAccessTokens.revokedAt)))
    .limit(1)
    // Prepared (see PREPARED_WRITES in db/client.ts): unprepared, postgres.js would first describe
    // the statement in a round trip of its own. Its plan is the same for every token (a unique hash).
    .prepare("status_page")
    .execute();
  if (!row) return undefined;
  return {
    request: row.request,
    expiresAt: row.expiresAt,
    timeline: rows<Stored<StatusPageRow["timeline"][number]>>(row.timeline).map((e) => ({ ...e, createdAt: at(e.createdAt) })),
    messages: rows<Stored<StatusPageRow["messages"][number]>>(row.messages).map((m) => ({ ...m, createdAt: at(m.createdAt) })),
    files: rows<Stored<StatusPageRow["files"][number]>>(row.files).map((f) => ({ ...f, availableUntil: atOrNull(f.availableUntil) })),
    ruleUnit: row.ruleUnit,
  };
}
