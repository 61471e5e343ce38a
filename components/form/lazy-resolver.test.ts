import { describe, expect, it, vi } from "vitest";
import type { Resolver } from "react-hook-form";
import { lazyResolver } from "./lazy-resolver";

type Values = { code: string };
const options = { fields: {}, shouldUseNativeValidation: false } as Parameters<Resolver<Values>>[2];

describe("lazyResolver", () => {
  it("loads the checking code once, on first use or preload, and answers with its result", async () => {
    const check = vi.fn<Resolver<Values>>(async () => ({ values: {}, errors: { code: { type: "custom", message: "invalidCode" } } }));
    const load = vi.fn(async () => check);
    const { resolver, preload } = lazyResolver(load);
    expect(load).not.toHaveBeenCalled();
    preload();
    const first = await resolver({ code: "12" }, undefined, options);
    await resolver({ code: "34" }, undefined, options);
    expect(load).toHaveBeenCalledTimes(1);
    expect(check).toHaveBeenCalledTimes(2);
    expect(first.errors.code?.message).toBe("invalidCode");
  });

  it("lets the values through to the server when the checking code cannot be fetched, and tries again next time", async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error("offline")).mockResolvedValueOnce(async () => ({ values: {}, errors: { code: { type: "custom", message: "required" } } }));
    const { resolver } = lazyResolver<Values>(load);
    expect(await resolver({ code: "123456" }, undefined, options)).toEqual({ values: { code: "123456" }, errors: {} });
    expect((await resolver({ code: "" }, undefined, options)).errors.code?.message).toBe("required");
    expect(load).toHaveBeenCalledTimes(2);
  });
});
