import { describe, expect, it } from "vitest";
import { readTimelineEvent, readTimelineRows } from "./timeline-event-data";
import { TIMELINE_KINDS } from "./timeline-events";

describe("readTimelineEvent", () => {
  it("reads a kind's data with that kind's fields", () => {
    expect(readTimelineEvent("status_changed", { from: "new", to: "in_progress" })).toEqual({ kind: "status_changed", data: { from: "new", to: "in_progress" } });
    expect(readTimelineEvent("assigned", { from: null, to: "a", toName: "Айгерим" })).toEqual({ kind: "assigned", data: { from: null, to: "a", toName: "Айгерим" } });
  });

  it("drops only the field of the wrong type, and keys no kind has", () => {
    const event = readTimelineEvent("denied", { from: "in_progress", to: "denied", reason: "made_up", messageId: 7, extra: "x" });
    expect(event).toEqual({ kind: "denied", data: { from: "in_progress", to: "denied", reason: undefined, messageId: undefined } });
  });

  it("reads an anonymised event (its free text removed) and a run's event without its counts", () => {
    expect(readTimelineEvent("deadline_extended", { from: "2026-01-01", to: "2026-02-01", amount: 1, unit: "months", ruleId: "r" })?.data).toEqual({ from: "2026-01-01", to: "2026-02-01", amount: 1, unit: "months", ruleId: "r", reason: undefined });
    expect(readTimelineEvent("fulfilment_collected", { runId: "r", step: "collect", mapVersion: 2, rows: 40 })?.data).toEqual({ runId: "r", step: "collect", mapVersion: 2 });
  });

  it("refuses kinds not on the list and reads data that is not an object as none", () => {
    expect(readTimelineEvent("made_up", {})).toBeNull();
    expect(readTimelineEvent("withdrawn", "garbage")).toEqual({ kind: "withdrawn", data: {} });
    expect(readTimelineEvent("withdrawn", ["new"])).toEqual({ kind: "withdrawn", data: {} });
    expect(readTimelineEvent("withdrawn", null)).toEqual({ kind: "withdrawn", data: { from: undefined } });
  });

  it("has a reader for every kind", () => {
    for (const kind of TIMELINE_KINDS) expect(readTimelineEvent(kind, {})?.kind).toBe(kind);
  });
});

describe("readTimelineRows", () => {
  it("keeps each row's other columns and leaves out rows of unknown kinds", () => {
    const rows = readTimelineRows([
      { id: 1, kind: "withdrawn", data: { from: "new" } },
      { id: 2, kind: "gone_kind", data: {} },
    ]);
    expect(rows).toEqual([{ id: 1, kind: "withdrawn", data: { from: "new" } }]);
  });
});
