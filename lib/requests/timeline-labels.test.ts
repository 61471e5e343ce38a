import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { TIMELINE_KINDS } from "./timeline-events";

// The staff request page words these two with details of their own (mail.onRequest.timeline).
const WORDED_BY_MAIL = new Set(["email_bounced", "inbound_email_attached"]);

describe("timeline kinds", () => {
  // A new kind without a name in one language fails here, not as a raw code on the request page.
  it.each(LOCALES)("each has a name on the staff request page's timeline in %s", async (locale) => {
    const messages = await loadMessages(locale);
    const unnamed = TIMELINE_KINDS.filter((kind) => {
      const text = WORDED_BY_MAIL.has(kind) ? (messages.mail.onRequest.timeline as Record<string, string>)[kind] : (messages.dashboard.timeline.kinds as Record<string, string>)[kind];
      return typeof text !== "string" || text.trim() === "";
    });
    expect(unnamed).toEqual([]);
  });
});
