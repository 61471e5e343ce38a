import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { createZip } from "../package/zip";
import { readZip } from "../package/read-zip";
import { decodeKey, fulfilmentKey, resetFulfilmentKeyCache } from "./fulfilment-key";
import { keyedHash, open, seal } from "./sealed-box";

const KEY = Buffer.alloc(32, 1);

describe("sealed boxes", () => {
  it("open what they sealed, and refuse another key, another owner or a changed byte", () => {
    const box = seal(KEY, Buffer.from("postgres://reader:secret@db:5432/app"), "source:app");
    expect(box.toString("utf8")).not.toContain("secret");
    expect(open(KEY, box, "source:app").toString()).toBe("postgres://reader:secret@db:5432/app");
    expect(() => open(Buffer.alloc(32, 2), box, "source:app")).toThrow();
    expect(() => open(KEY, box, "source:other")).toThrow();
    const tampered = Buffer.from(box);
    tampered[20] = tampered[20]! ^ 1;
    expect(() => open(KEY, tampered, "source:app")).toThrow();
  });

  it("keyed hashes are stable per key and differ between keys", () => {
    expect(keyedHash(KEY, "a@b.kz")).toBe(keyedHash(KEY, "a@b.kz"));
    expect(keyedHash(KEY, "a@b.kz")).not.toBe(keyedHash(Buffer.alloc(32, 2), "a@b.kz"));
    expect(keyedHash(KEY, "a@b.kz")).toMatch(/^hmac:[0-9a-f]{64}$/);
  });

  it("reads the key as base64 or hex and refuses other lengths", () => {
    expect(decodeKey(KEY.toString("base64"))).toEqual(KEY);
    expect(decodeKey(KEY.toString("hex"))).toEqual(KEY);
    expect(decodeKey("c2hvcnQ=")).toBeNull();
    expect(() => parseEnv({ FULFILMENT_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(/FULFILMENT_ENCRYPTION_KEY: expected 32 random bytes/);
  });

  it("has no key in production without the setting (start-up then refuses if sources exist)", () => {
    resetFulfilmentKeyCache();
    expect(fulfilmentKey(parseEnv({ NODE_ENV: "production" }))).toBeNull();
    resetFulfilmentKeyCache();
  });
});

describe("zip", () => {
  it("round-trips names in Cyrillic and contents", () => {
    const zip = createZip([
      { name: "summary.html", data: Buffer.from("<p>Сәлем</p>") },
      { name: "csv/данные.csv", data: Buffer.from("a,b\r\n1,2\r\n") },
    ]);
    const files = readZip(zip);
    expect(files.get("summary.html")!.toString()).toBe("<p>Сәлем</p>");
    expect(files.get("csv/данные.csv")!.toString()).toBe("a,b\r\n1,2\r\n");
  });
});
