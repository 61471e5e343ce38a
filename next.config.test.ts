import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import config, { devOrigins } from "./next.config";

// Issue 14: opened at http://127.0.0.1:3000 or from a phone on the Wi-Fi, the development server
// blocked its own scripts, so every form ran without JavaScript. Those hosts are allowed.
describe("next.config allowedDevOrigins", () => {
  it("allows 127.0.0.1 and each of this machine's own IPv4 addresses", () => {
    const own = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal && address.family === "IPv4")
      .map((address) => address!.address);
    expect(devOrigins()).toContain("127.0.0.1");
    for (const address of own) expect(devOrigins()).toContain(address);
  });

  it("is what the configuration gives Next", () => {
    expect(config().allowedDevOrigins).toEqual(devOrigins());
  });
});
