import { describe, expect, it } from "vitest";
import ru from "@/lib/i18n/messages/ru/intake.json";
import status from "@/lib/i18n/messages/ru/status.json";
import type { Messages } from "@/lib/i18n/messages";
import { pickMessages } from "./client-messages";

const all = { ...ru, ...status } as unknown as Messages;

describe("pickMessages", () => {
  it("keeps whole namespaces, and only the named parts of the others, in the catalogue's nesting", () => {
    const picked = pickMessages(all, ["intake.errors", "intake.fields", "status"]);
    expect(Object.keys(picked).sort()).toEqual(["intake", "status"]);
    expect(Object.keys(picked.intake!).sort()).toEqual(["errors", "fields"]);
    expect(picked.intake!.errors).toEqual(all.intake.errors);
    expect(picked.status).toEqual(all.status);
  });
});
