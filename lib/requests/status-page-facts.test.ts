import { describe, expect, it } from "vitest";
import { REQUEST_STATUSES, type RequestStatus } from "@/db/schema";
import { complaintJurisdiction, dateLine, denialFacts, progressLine, receiptOf } from "./status-page-facts";

const due = new Date("2027-02-28T18:59:00Z");
const closed = new Date("2027-02-20T10:00:00Z");
const received = new Date("2027-02-17T09:30:00Z");

const current = (status: RequestStatus) => progressLine(status).find((item) => item.state === "current")?.step;

describe("progressLine", () => {
  it.each([
    ["unverified", "received"],
    ["expired", "received"],
    ["new", "verified"],
    ["in_progress", "in_progress"],
    ["awaiting_requester", "in_progress"],
    ["on_hold", "in_progress"],
    ["completed", "answered"],
    ["denied", "answered"],
    ["withdrawn", "answered"],
  ] as const)("%s is at step %s", (status, step) => {
    expect(current(status)).toBe(step);
  });

  it("marks every step before the current one done and every later one upcoming, with exactly one current", () => {
    expect(progressLine("awaiting_requester").map((item) => item.state)).toEqual(["done", "done", "current", "upcoming"]);
    for (const status of REQUEST_STATUSES) expect(progressLine(status).filter((item) => item.state === "current")).toHaveLength(1);
  });
});

describe("dateLine", () => {
  it("shows the due date while the request is open", () => {
    expect(dateLine({ status: "in_progress", dueAt: due, closedAt: null })).toEqual({ kind: "due", dueAt: due });
    expect(dateLine({ status: "new", dueAt: null, closedAt: null })).toEqual({ kind: "due_not_set" });
  });

  it.each(["completed", "denied", "withdrawn", "expired"] as const)("after %s shows the outcome and its date, never the old due date", (status) => {
    expect(dateLine({ status, dueAt: due, closedAt: closed })).toEqual({ kind: "closed", outcome: status, closedAt: closed });
  });
});

describe("receiptOf", () => {
  const base = { reference: "DSR-2027-000042", type: "access" as const, createdAt: received, dueAt: due, closedAt: null };

  it("has the reference, type, received and due dates", () => {
    expect(receiptOf({ ...base, status: "in_progress" })).toEqual({ reference: "DSR-2027-000042", type: "access", receivedAt: received, dueAt: due });
  });

  it("drops the due date once the request is closed", () => {
    expect(receiptOf({ ...base, status: "completed", closedAt: closed }).dueAt).toBeNull();
  });
});

describe("denialFacts", () => {
  it("gives the reason code, the jurisdiction whose law and authority apply, and the note", () => {
    expect(denialFacts({ status: "denied", denialReason: "no_match", outcomeNote: "Нет данных.", jurisdiction: "GDPR" })).toEqual({ reason: "no_match", jurisdiction: "GDPR", note: "Нет данных." });
  });

  it("falls back to the general wording for an unknown reason or jurisdiction", () => {
    expect(denialFacts({ status: "denied", denialReason: "made_up", outcomeNote: null, jurisdiction: "OTHER" })).toEqual({ reason: "other", jurisdiction: "other", note: "" });
  });

  it("is nothing for a request that was not denied", () => {
    expect(denialFacts({ status: "completed", denialReason: null, outcomeNote: "Готово.", jurisdiction: "KZ" })).toBeNull();
  });

  it("maps jurisdictions to the three with named authorities", () => {
    expect(["KZ", "GDPR", "CCPA", "OTHER", "XX"].map(complaintJurisdiction)).toEqual(["KZ", "GDPR", "CCPA", "other", "other"]);
  });
});
