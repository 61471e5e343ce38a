import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requestMessages, requests, type RequestStatus } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { assertCan } from "@/lib/auth/assert-can";
import { fillReplyTemplate } from "./fill-template";
import { templateContextFor } from "./template-context";
import { listReplyTemplates, type StaffActor } from "./templates";
import { isUuid } from "@/lib/text/uuid";

/** A template ready to drop into the composer: already filled with this request's values. */
export type ComposerTemplate = { id: string; key: string; name: string; subject: string; body: string; unknownVariables: string[] };

export type ReplyComposerData = {
  request: { id: string; reference: string; locale: Locale; status: RequestStatus; requesterName: string };
  /** Templates in the requester's language, filled in. */
  templates: ComposerTemplate[];
  /** The state the composer is loaded with; sendStaffReply refuses a reply written against an older one. */
  loadedAt: Date;
  lastSeenMessageId: string | null;
};

/**
 * What the reply composer needs for one request, for an agent or admin: the requester's
 * language, the templates in it filled with the request's values, and the newest message the
 * composer is written against. Null for a request that does not exist or is not verified.
 */
export async function loadReplyComposer(db: Db, { requestId }: { requestId: string }, actor: StaffActor, now = new Date()): Promise<ReplyComposerData | null> {
  assertCan(actor, "requests.work");
  if (!isUuid(requestId)) return null;
  // Taken before reading the messages: one that lands in between is shown and, at worst, reported once more.
  const loadedAt = now;
  const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
  if (!request?.reference || request.status === "unverified" || request.status === "expired") return null;
  const [last] = await db
    .select({ id: requestMessages.id })
    .from(requestMessages)
    .where(and(eq(requestMessages.requestId, request.id), inArray(requestMessages.direction, ["inbound", "outbound"])))
    .orderBy(desc(requestMessages.createdAt), desc(requestMessages.id))
    .limit(1);

  const locale = request.locale;
  const context = await templateContextFor(request, locale);
  const templates = (await listReplyTemplates(db, actor, { locale })).map((template) => ({
    id: template.id,
    key: template.key,
    name: template.name,
    ...fillReplyTemplate(template, context),
  }));
  return {
    request: { id: request.id, reference: request.reference, locale, status: request.status, requesterName: request.requesterName },
    templates,
    loadedAt,
    lastSeenMessageId: last?.id ?? null,
  };
}
