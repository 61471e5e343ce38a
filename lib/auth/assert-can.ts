import type { StaffRole } from "@/db/schema/staff";
import { AppError } from "@/lib/errors/app-error";
import { can, type Permission } from "./permissions";

/** For domain functions (the second check, at the data): AppError("forbidden") unless the actor's role has the permission. */
export function assertCan(actor: { role: StaffRole }, permission: Permission): void {
  if (!can(actor.role, permission)) throw new AppError("forbidden", { details: { permission, role: actor.role } });
}
