import { and, eq, gte, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxEmails, requests, staff } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/i18n/translator";
import { localDateTimeOf, localWallTimeToInstant } from "./deadlines/compute-due-at";
import { loadWorkingCalendar } from "./deadlines/deadline-repository";
import { OPEN_STATUSES } from "./lifecycle";

/** Reminders go out on working days from this hour (operator's time zone), once a day per person. */
export const REMINDER_HOUR = 9;
const DAY_MS = 86_400_000;

/**
 * The daily e-mail to each assignee listing their open requests that are overdue or due within
 * one working day. Safe to call every minute: it sends at most one per person per day, and none
 * on days off or before REMINDER_HOUR.
 */
export async function sendDeadlineReminders(db: Db, now = new Date()): Promise<number> {
  const env = getEnv();
  const timeZone = env.OPERATOR_TIME_ZONE;
  const { date: today, msOfDay } = localDateTimeOf(now, timeZone);
  const calendar = await loadWorkingCalendar(db, env.DEFAULT_JURISDICTION);
  if (!calendar.isWorkingDay(today) || msOfDay < REMINDER_HOUR * 3_600_000) return 0;
  const startOfToday = localWallTimeToInstant(today, 0, timeZone);
  const horizon = localWallTimeToInstant(calendar.addWorkingDays(today, 1), DAY_MS - 1, timeZone);

  const rows = await db
    .select({ request: { id: requests.id, reference: requests.reference, dueAt: requests.dueAt }, assignee: { id: staff.id, email: staff.email, name: staff.name, locale: staff.locale } })
    .from(requests)
    .innerJoin(staff, eq(staff.id, requests.assigneeId))
    .where(and(inArray(requests.status, [...OPEN_STATUSES]), isNotNull(requests.dueAt), lte(requests.dueAt, horizon), isNull(staff.disabledAt)))
    .orderBy(requests.dueAt);

  const byAssignee = new Map<string, { assignee: (typeof rows)[number]["assignee"]; items: (typeof rows)[number]["request"][] }>();
  for (const row of rows) {
    const entry = byAssignee.get(row.assignee.id) ?? { assignee: row.assignee, items: [] };
    entry.items.push(row.request);
    byAssignee.set(row.assignee.id, entry);
  }

  let sent = 0;
  for (const { assignee, items } of byAssignee.values()) {
    const delivered = await db.transaction(async (tx) => {
      const [already] = await tx
        .select({ id: outboxEmails.id })
        .from(outboxEmails)
        .where(and(eq(outboxEmails.template, "deadline_reminder"), eq(outboxEmails.toAddress, assignee.email), gte(outboxEmails.createdAt, startOfToday)))
        .limit(1);
      if (already) return false;
      const locale = assignee.locale;
      const line = (item: (typeof items)[number]) => ({
        reference: item.reference ?? item.id,
        due: formatDateTime(item.dueAt!, locale, timeZone),
        url: new URL(`/${locale}/dashboard/requests/${item.id}`, env.APP_URL).toString(),
      });
      await enqueueEmail(tx, {
        template: "deadline_reminder",
        locale,
        to: assignee.email,
        createdAt: now,
        variables: {
          name: assignee.name,
          overdue: items.filter((i) => i.dueAt! <= now).map(line),
          dueSoon: items.filter((i) => i.dueAt! > now).map(line),
          queueUrl: new URL(`/${locale}/dashboard?assignee=mine`, env.APP_URL).toString(),
        },
      });
      return true;
    });
    if (delivered) sent++;
  }
  return sent;
}
