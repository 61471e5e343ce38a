import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, outboxEmails, staff, staffInvites, type Staff } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { generateToken, hashToken } from "@/lib/security/tokens";
import { authorizeStaff } from "./authorize-staff";
import { createStaff } from "./create-staff";
import { acceptInvite, describeInvite } from "@/lib/auth/staff-admin/accept-invite";
import { changeOwnPassword } from "@/lib/auth/staff-admin/change-own-password";
import { changeStaffRole } from "@/lib/auth/staff-admin/change-staff-role";
import { inviteStaff } from "@/lib/auth/staff-admin/invite-staff";
import { listStaff } from "@/lib/auth/staff-admin/list-staff";
import { setStaffDisabled } from "@/lib/auth/staff-admin/set-staff-disabled";
import { STAFF_INVITE_TTL_HOURS, type StaffActor } from "@/lib/auth/staff-admin/common";

const PASSWORD = "correct horse battery staple";
const HOUR = 3_600_000;

/** Fails unless the promise rejects with AppError of this code. */
async function refused(promise: Promise<unknown>, code: AppErrorCode) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe.each(testEngines())("staff administration on %s", (engine) => {
  let database: TestDatabase;
  let admin: Staff;
  let agent: Staff;
  let compliance: Staff;
  let ipCounter = 0;
  const actor = (member: Staff): StaffActor => ({ id: member.id, role: member.role });
  // The whole sign-in (password, then the session record; these accounts have no second factor).
  const signIn = async (email: string, password: string, now = new Date()) => {
    const outcome = await authorizeStaff(database.db, { email, password, ip: `198.51.100.${++ipCounter % 250}` }, now);
    return outcome.ok ? { ok: true as const, staff: { id: outcome.user.id } } : { ok: false as const, error: outcome.refusal };
  };

  async function row(id: string): Promise<Staff> {
    const [found] = await database.db.select().from(staff).where(eq(staff.id, id));
    return found!;
  }

  /** The token in the newest invitation e-mail to `to`, read from the outbox like the worker would send it. */
  async function invitationToken(to: string): Promise<{ token: string; subject: string; locale: string }> {
    const [email] = await database.db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toAddress, to), eq(outboxEmails.template, "staff_invitation")))
      .orderBy(desc(outboxEmails.createdAt))
      .limit(1);
    expect(email, `an invitation e-mail to ${to}`).toBeTruthy();
    const match = /https?:\/\/\S+\/(ru|kk|en)\/staff\/invite\/([A-Za-z0-9_-]{43})/.exec(email!.textBody);
    expect(match, email!.textBody).toBeTruthy();
    expect(email!.htmlBody).toContain(`/staff/invite/${match![2]}`);
    return { token: match![2]!, subject: email!.subject, locale: match![1]! };
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    admin = await createStaff(database.db, { email: "admin@example.kz", name: "Айгерим Админ", role: "admin", password: PASSWORD }, SYSTEM_ACTOR);
    agent = await createStaff(database.db, { email: "agent@example.kz", name: "Agent", role: "agent", password: PASSWORD }, SYSTEM_ACTOR);
    compliance = await createStaff(database.db, { email: "compliance@example.kz", name: "Compliance", role: "compliance", password: PASSWORD }, SYSTEM_ACTOR);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("invites by e-mail: the link sets an argon2id password once, and the new colleague can sign in", async () => {
    const invited = await inviteStaff(database.db, { email: " New.Agent@Example.kz ", name: "Dana", role: "agent", locale: "en" }, actor(admin));
    expect(invited.staff).toMatchObject({ email: "new.agent@example.kz", role: "agent", locale: "en" });
    expect(invited.expiresAt.getTime() - Date.now()).toBeGreaterThan((STAFF_INVITE_TTL_HOURS - 1) * HOUR);
    expect(invited.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(STAFF_INVITE_TTL_HOURS * HOUR);
    expect((await row(invited.staff.id)).passwordHash).toBeNull();
    // Without a password the account cannot be used yet.
    expect(await signIn("new.agent@example.kz", PASSWORD)).toEqual({ ok: false, error: "invalid" });

    const mail = await invitationToken("new.agent@example.kz");
    expect(mail.locale).toBe("en");
    expect(mail.subject).toMatch(/^Invitation to/);
    // Only the token's SHA-256 is stored.
    const invites = await database.db.select().from(staffInvites).where(eq(staffInvites.staffId, invited.staff.id));
    expect(invites.map((i) => i.tokenHash)).toEqual([hashToken(mail.token)]);
    expect(invites[0]!.invitedBy).toBe(admin.id);
    expect(JSON.stringify(invites)).not.toContain(mail.token);

    expect(await describeInvite(database.db, { token: mail.token })).toEqual({ name: "Dana", email: "new.agent@example.kz", locale: "en" });
    await expect(acceptInvite(database.db, { token: mail.token, password: "short" })).rejects.toThrow(/tooShort:12/);
    expect(await acceptInvite(database.db, { token: mail.token, password: PASSWORD })).toEqual({ email: "new.agent@example.kz", locale: "en" });
    expect((await row(invited.staff.id)).passwordHash).toMatch(/^\$argon2id\$/);
    const result = await signIn("new.agent@example.kz", PASSWORD);
    expect(result.ok && result.staff.id).toBe(invited.staff.id);

    // A used link is dead.
    await refused(acceptInvite(database.db, { token: mail.token, password: "another long password" }), "invalid_or_expired");
    expect(await describeInvite(database.db, { token: mail.token })).toBeNull();
    expect((await signIn("new.agent@example.kz", PASSWORD)).ok).toBe(true);
  });

  it("refuses an expired, unknown or malformed token with the same answer", async () => {
    const t0 = new Date(Date.now() - (STAFF_INVITE_TTL_HOURS + 1) * HOUR);
    await inviteStaff(database.db, { email: "late@example.kz", name: "Late", role: "compliance", locale: "ru" }, actor(admin), t0);
    const { token, locale } = await invitationToken("late@example.kz");
    expect(locale).toBe("ru");
    // Still valid a minute before the end, not after it.
    expect(await describeInvite(database.db, { token }, new Date(t0.getTime() + STAFF_INVITE_TTL_HOURS * HOUR - 60_000))).not.toBeNull();
    await refused(acceptInvite(database.db, { token, password: PASSWORD }), "invalid_or_expired");
    await refused(acceptInvite(database.db, { token: generateToken(), password: PASSWORD }), "invalid_or_expired");
    await refused(acceptInvite(database.db, { token: "not-a-token", password: PASSWORD }), "invalid_or_expired");
    expect(await describeInvite(database.db, { token })).toBeNull();
  });

  it("sends a fresh link to a pending invitation, which retires the old one, but never re-invites a working account", async () => {
    await inviteStaff(database.db, { email: "twice@example.kz", name: "Twice", role: "agent", locale: "kk" }, actor(admin));
    const first = await invitationToken("twice@example.kz");
    const again = await inviteStaff(database.db, { email: "twice@example.kz", name: "Twice Again", role: "compliance", locale: "kk" }, actor(admin));
    expect(again).toMatchObject({ reinvited: true, staff: { name: "Twice Again", role: "compliance" } });
    const second = await invitationToken("twice@example.kz");
    expect(second.token).not.toBe(first.token);
    await refused(acceptInvite(database.db, { token: first.token, password: PASSWORD }), "invalid_or_expired");
    await acceptInvite(database.db, { token: second.token, password: PASSWORD });
    await refused(inviteStaff(database.db, { email: "twice@example.kz", name: "Thrice", role: "agent", locale: "kk" }, actor(admin)), "exists");
    await refused(inviteStaff(database.db, { email: "AGENT@example.kz", name: "Clash", role: "agent", locale: "ru" }, actor(admin)), "exists");
  });

  it("lets only admins invite, change roles, disable and list staff", async () => {
    for (const member of [agent, compliance]) {
      await refused(inviteStaff(database.db, { email: `by-${member.role}@example.kz`, name: "X", role: "admin", locale: "ru" }, actor(member)), "forbidden");
      await refused(changeStaffRole(database.db, { staffId: member.id, role: "admin" }, actor(member)), "forbidden");
      await refused(setStaffDisabled(database.db, { staffId: admin.id, disabled: true }, actor(member)), "forbidden");
      await refused(listStaff(database.db, actor(member)), "forbidden");
    }
    expect(await database.db.select().from(staff).where(eq(staff.email, "by-agent@example.kz"))).toEqual([]);
    expect((await row(agent.id)).role).toBe("agent");
    expect((await row(admin.id)).disabledAt).toBeNull();
    // A stale actor object does not help: the role is re-read from the database.
    await refused(changeStaffRole(database.db, { staffId: agent.id, role: "admin" }, { id: agent.id, role: "admin" }), "forbidden");
    expect((await row(agent.id)).role).toBe("agent");
  });

  it("lists staff with their status and pending invitations", async () => {
    const list = await listStaff(database.db, actor(admin));
    const byEmail = new Map(list.map((item) => [item.email, item]));
    expect(byEmail.get("admin@example.kz")).toMatchObject({ status: "active", role: "admin", inviteExpiresAt: null });
    expect(byEmail.get("late@example.kz")).toMatchObject({ status: "invite_expired" });
    expect(byEmail.get("new.agent@example.kz")?.lastSignInAt).toBeInstanceOf(Date);
    expect(list.every((item) => !("passwordHash" in item))).toBe(true);
    await inviteStaff(database.db, { email: "pending@example.kz", name: "Pending", role: "agent", locale: "ru" }, actor(admin));
    const pending = (await listStaff(database.db, actor(admin))).find((item) => item.email === "pending@example.kz");
    expect(pending?.status).toBe("invited");
    expect(pending?.inviteExpiresAt).toBeInstanceOf(Date);
  });

  it("disables an account: it cannot sign in and its sessions end; enabling it restores sign-in", async () => {
    const member = await createStaff(database.db, { email: "leaver@example.kz", name: "Leaver", role: "agent", password: PASSWORD }, SYSTEM_ACTOR);
    expect((await signIn("leaver@example.kz", PASSWORD)).ok).toBe(true);
    const disabled = await setStaffDisabled(database.db, { staffId: member.id, disabled: true }, actor(admin));
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect((await row(member.id)).sessionVersion).toBe(member.sessionVersion + 1);
    expect(await signIn("leaver@example.kz", PASSWORD)).toEqual({ ok: false, error: "invalid" });
    expect((await listStaff(database.db, actor(admin))).find((item) => item.id === member.id)?.status).toBe("disabled");
    // A disabled account's pending invitation (if any) and re-invites are refused too.
    await refused(inviteStaff(database.db, { email: "leaver@example.kz", name: "Leaver", role: "agent", locale: "ru" }, actor(admin)), "exists");

    await setStaffDisabled(database.db, { staffId: member.id, disabled: false }, actor(admin));
    expect((await signIn("leaver@example.kz", PASSWORD)).ok).toBe(true);
  });

  it("does not let an admin disable themself", async () => {
    await refused(setStaffDisabled(database.db, { staffId: admin.id, disabled: true }, actor(admin)), "cannot_disable_self");
    expect((await row(admin.id)).disabledAt).toBeNull();
  });

  it("changes a role and ends the member's sessions", async () => {
    const before = await row(agent.id);
    const changed = await changeStaffRole(database.db, { staffId: agent.id, role: "compliance" }, actor(admin));
    expect(changed.role).toBe("compliance");
    const after = await row(agent.id);
    expect(after.role).toBe("compliance");
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    await changeStaffRole(database.db, { staffId: agent.id, role: "agent" }, actor(admin));
    expect((await row(agent.id)).sessionVersion).toBe(before.sessionVersion + 2);
    await refused(changeStaffRole(database.db, { staffId: "00000000-0000-4000-8000-000000000000", role: "agent" }, actor(admin)), "not_found");
  });

  it("never demotes the last active admin, but lets an admin step down when another remains", async () => {
    await refused(changeStaffRole(database.db, { staffId: admin.id, role: "agent" }, actor(admin)), "last_admin");
    expect((await row(admin.id)).role).toBe("admin");

    const second = await createStaff(database.db, { email: "second-admin@example.kz", name: "Second", role: "admin", password: PASSWORD }, SYSTEM_ACTOR);
    // A disabled admin does not count.
    await setStaffDisabled(database.db, { staffId: second.id, disabled: true }, actor(admin));
    await refused(changeStaffRole(database.db, { staffId: admin.id, role: "compliance" }, actor(admin)), "last_admin");
    await setStaffDisabled(database.db, { staffId: second.id, disabled: false }, actor(admin));

    const stepped = await changeStaffRole(database.db, { staffId: admin.id, role: "compliance" }, actor(admin));
    expect(stepped.role).toBe("compliance");
    // The former admin acts no more, whatever role their (stale) session claims.
    await refused(changeStaffRole(database.db, { staffId: admin.id, role: "admin" }, actor(admin)), "forbidden");
    await refused(changeStaffRole(database.db, { staffId: second.id, role: "agent" }, actor(second)), "last_admin");
    await changeStaffRole(database.db, { staffId: admin.id, role: "admin" }, actor(second));
    admin = await row(admin.id);
    expect(admin.role).toBe("admin");
  });

  it("changes one's own password only after the current one, and ends every session", async () => {
    const me = await createStaff(database.db, { email: "self@example.kz", name: "Self", role: "compliance", password: PASSWORD }, SYSTEM_ACTOR);
    const fresh = "a brand new passphrase";
    await refused(changeOwnPassword(database.db, { currentPassword: "not my password", newPassword: fresh }, actor(me)), "wrong_password");
    expect((await signIn("self@example.kz", fresh)).ok).toBe(false);
    await expect(changeOwnPassword(database.db, { currentPassword: PASSWORD, newPassword: "short" }, actor(me))).rejects.toThrow(/tooShort:12/);
    expect((await row(me.id)).sessionVersion).toBe(me.sessionVersion);

    await changeOwnPassword(database.db, { currentPassword: PASSWORD, newPassword: fresh }, actor(me));
    expect((await row(me.id)).sessionVersion).toBe(me.sessionVersion + 1);
    expect((await signIn("self@example.kz", PASSWORD)).ok).toBe(false);
    expect((await signIn("self@example.kz", fresh)).ok).toBe(true);
  });

  it("slows down guessing the current password", async () => {
    const me = await createStaff(database.db, { email: "guess@example.kz", name: "Guess", role: "agent", password: PASSWORD }, SYSTEM_ACTOR);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push(await changeOwnPassword(database.db, { currentPassword: `guess number ${i}`, newPassword: "whatever long enough" }, actor(me)).then(() => "ok", (e: AppError) => e.code));
    }
    expect(codes).toEqual(["wrong_password", "wrong_password", "wrong_password", "wrong_password", "wrong_password", "rate_limited"]);
    await refused(changeOwnPassword(database.db, { currentPassword: PASSWORD, newPassword: "whatever long enough" }, actor(me)), "rate_limited");
  });

  it("audits every change on the chain", async () => {
    const actions = (await database.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    for (const action of ["staff.invited", "staff.reinvited", "staff.invite_accepted", "staff.role_changed", "staff.disabled", "staff.enabled", "staff.password_changed", "staff.password_change_failed"]) {
      expect(actions).toContain(action);
    }
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});
