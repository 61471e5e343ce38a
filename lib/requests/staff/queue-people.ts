import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staff } from "@/db/schema";
import { can } from "@/lib/auth/permissions";

export type QueuePerson = { id: string; name: string; /** An active agent or admin: requests may be assigned to them. */ assignable: boolean };

/** Every staff member by name: the queue's assignee column names them, "assign to…" offers the assignable ones. */
export async function listQueuePeople(db: Db): Promise<QueuePerson[]> {
  const rows = await db.select({ id: staff.id, name: staff.name, role: staff.role, disabledAt: staff.disabledAt }).from(staff).orderBy(asc(staff.name));
  return rows.map((row) => ({ id: row.id, name: row.name, assignable: !row.disabledAt && can(row.role, "requests.work") }));
}
