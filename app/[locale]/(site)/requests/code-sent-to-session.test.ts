import { afterEach, describe, expect, it, vi } from "vitest";
import { readCodeSentTo, storeCodeSentTo } from "./code-sent-to-session";

function fakeSessionStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

describe("the masked address kept in the tab for the code page", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is read back for its own page only, and only when it is a masked address", () => {
    const storage = fakeSessionStorage();
    vi.stubGlobal("sessionStorage", storage);
    storeCodeSentTo("/kk/requests/1/verify", "s***@example.kz");
    expect(readCodeSentTo("/kk/requests/1/verify")).toBe("s***@example.kz");
    expect(readCodeSentTo("/kk/requests/2/verify")).toBeNull();
    // A whole address is never kept, and one written there by other means is not shown.
    storeCodeSentTo("/kk/requests/3/verify", "someone@example.kz");
    expect(readCodeSentTo("/kk/requests/3/verify")).toBeNull();
    storage.items.set("pd-code-sent-to:/kk/requests/4/verify", "someone@example.kz");
    expect(readCodeSentTo("/kk/requests/4/verify")).toBeNull();
  });

  it("shows nothing, and does not fail, where storage is refused", () => {
    vi.stubGlobal("sessionStorage", {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    });
    expect(() => storeCodeSentTo("/ru/requests/1/verify", "a***@example.kz")).not.toThrow();
    expect(readCodeSentTo("/ru/requests/1/verify")).toBeNull();
  });
});
