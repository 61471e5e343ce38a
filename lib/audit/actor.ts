import type { AuditActorType } from "@/db/schema";

/** Who is making a change; every domain function that writes takes one and audits it. */
export type Actor = { type: AuditActorType; id?: string | null };

export const SYSTEM_ACTOR: Actor = { type: "system", id: "privacy-desk" };
