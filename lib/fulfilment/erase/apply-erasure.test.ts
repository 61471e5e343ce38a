import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "@/db/testing";
import { keyedHash } from "../secrets/sealed-box";
import { openSampleApp, sampleMap, type SampleApp } from "../testing";
import { findSubjectRows } from "../traverse/find-subject-rows";
import { identitiesOf } from "../traverse/identities";
import { applyErasure } from "./apply-erasure";
import { changedRows, planErasure } from "./erasure-plan";

const KEY = Buffer.alloc(32, 7);
const hash = (value: string) => keyedHash(KEY, value);

describe.each(testEngines())("finding and erasing a person's rows on %s", (engine) => {
  // One database per engine (starting PGlite is the slow part), filled afresh before each test.
  let app: SampleApp;
  beforeAll(async () => {
    app = await openSampleApp(engine);
  }, 120_000);
  beforeEach(async () => {
    await app.reset();
  });
  afterAll(async () => {
    await app?.drop();
  });
  const source = () => sampleMap().sources[0]!;
  const aigerim = identitiesOf({ emails: ["Aigerim@Example.kz"] });

  it("follows references both ways and finds an identity in two tables", async () => {
    const found = await app.client.read((query) => findSubjectRows(query, source(), aigerim, 1000));
    const count = Object.fromEntries(found.map((collection) => [collection.table, collection.rows.length]));
    // users by e-mail; devices, sessions, surveys, messages, payments back from users; locations on from devices;
    // the message sent before signing up by its from_email alone (written in capitals).
    expect(count).toEqual({ users: 1, devices: 2, locations: 3, sessions: 2, survey_answers: 1, support_messages: 2, payments: 1 });
    expect(found.find((c) => c.table === "users")!.rows[0]!.full_name).toBe("Айгерим Серікқызы");
    expect(found.every((collection) => !collection.capped)).toBe(true);
  });

  it("stops at the row cap and says so", async () => {
    const found = await app.client.read((query) => findSubjectRows(query, source(), aigerim, 2));
    const locations = found.find((collection) => collection.table === "locations")!;
    expect(locations.rows).toHaveLength(2);
    expect(locations.capped).toBe(true);
    expect(found.find((collection) => collection.table === "devices")!.capped).toBe(false);
  });

  it("finds nothing through identity values that try to inject SQL", async () => {
    for (const attempt of ["' or '1'='1", "x'); delete from users; --", "aigerim@example.kz' --", "\" or 1=1 --"]) {
      const identities = identitiesOf({ emails: [attempt], accountIds: [attempt], phones: ["1' or '1'='1 777777"] });
      const found = await app.client.read((query) => findSubjectRows(query, source(), identities, 1000));
      expect(found.reduce((sum, collection) => sum + collection.rows.length, 0)).toBe(0);
    }
    const all = await app.client.read((query) => query("select count(*)::int as n from users"));
    expect(all[0]!.n).toBe(3);
  });

  it("a read-only run cannot write", async () => {
    await expect(app.client.read((query) => query("delete from payments"))).rejects.toThrow(/read-only/);
  });

  it("erases by each strategy, keeps what the map keeps, touches nobody else, and a second run changes nothing", async () => {
    const dryRun = planErasure(source(), await app.client.read((query) => findSubjectRows(query, source(), aigerim, null)), null);
    const first = await app.client.write((query) => applyErasure(query, source(), aigerim, null, hash));
    expect(first).toEqual(dryRun);
    const users = first.collections.find((step) => step.table === "users");
    expect(users).toMatchObject({ action: "fields", rows: 1 });
    expect(users && users.action === "fields" ? Object.fromEntries(users.fields.map((field) => [field.column, [field.erase, field.rows]])) : null).toEqual({
      id: ["keep", 1],
      email: ["hash", 1],
      phone: ["set_null", 1],
      full_name: ["mask", 1],
      birth_date: ["set_null", 1],
    });
    expect(first.collections.find((step) => step.table === "payments")).toMatchObject({ action: "keep", rows: 1 });
    // Locations (pointing at devices) go before devices.
    const order = first.collections.map((step) => step.table);
    expect(order.indexOf("locations")).toBeLessThan(order.indexOf("devices"));

    const [row] = await app.client.read((query) => query("select email, phone, full_name, birth_date from users where id = 1"));
    expect(row).toEqual({ email: hash("aigerim@example.kz"), phone: null, full_name: "(erased)", birth_date: null });
    const left = await app.client.read((query) =>
      query("select (select count(*)::int from devices where user_id = 1) as devices, (select count(*)::int from locations) as locations, (select count(*)::int from support_messages) as messages, (select count(*)::int from payments) as payments"),
    );
    // 3 people × 3 locations, 3 × 1 + 1 messages: Aigerim's 3 locations and 2 messages gone, the payment kept.
    expect(left[0]).toEqual({ devices: 0, locations: 6, messages: 2, payments: 3 });
    const ivan = await app.client.read((query) => query("select email, full_name from users where id = 2"));
    expect(ivan[0]).toEqual({ email: "ivan@example.kz", full_name: "Иван Петров" });

    // Again, by the account number (the e-mail is a hash now): nothing more to change.
    const again = await app.client.write((query) => applyErasure(query, source(), identitiesOf({ accountIds: ["1"] }), null, hash));
    expect(changedRows(again)).toBe(0);
    const [unchanged] = await app.client.read((query) => query("select email from users where id = 1"));
    expect(unchanged!.email).toBe(hash("aigerim@example.kz"));
  });

  it("erases only the chosen categories", async () => {
    const done = await app.client.write((query) => applyErasure(query, source(), aigerim, ["geolocation"], hash));
    expect(done.collections.find((step) => step.table === "locations")).toMatchObject({ action: "delete_row", rows: 3 });
    expect(done.collections.find((step) => step.table === "devices")).toMatchObject({ action: "keep", reason: "outside_categories" });
    const users = done.collections.find((step) => step.table === "users");
    expect(users && users.action === "fields" ? users.fields : null).toEqual([]);
  });
});
