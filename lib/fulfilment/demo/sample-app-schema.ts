/**
 * The sample mobile-app back end of the zero-setup demo (and of the fulfilment tests), shaped after
 * the seed privacy policy: accounts, devices, geolocation, sessions, surveys, support messages,
 * and payments kept for the tax law. Its map is db/seed/fulfilment/sample-app-map.yaml.
 */
export const SAMPLE_APP_SCHEMA = `
create table users (id bigserial primary key, email text unique, phone text, full_name text, birth_date date, created_at timestamptz not null default now());
create table devices (id bigserial primary key, user_id bigint not null references users(id), model text, os_version text, advertising_id text);
create table locations (id bigserial primary key, device_id bigint not null references devices(id), latitude double precision, longitude double precision, recorded_at timestamptz);
create table sessions (id bigserial primary key, user_id bigint not null references users(id), started_at timestamptz, ip_address text, app_version text);
create table survey_answers (id bigserial primary key, user_id bigint not null references users(id), survey text, answer text);
create table support_messages (id bigserial primary key, user_id bigint references users(id), from_email text, body text, sent_at timestamptz);
create table payments (id bigserial primary key, user_id bigint references users(id), amount numeric(12,2), paid_at timestamptz);
`;

/** People in the sample app; the demo requests use the first two addresses. */
export const SAMPLE_APP_PEOPLE = [
  { email: "aigerim@example.kz", phone: "+7 701 555 01 01", name: "Айгерим Серікқызы", birth: "1994-03-08" },
  { email: "ivan@example.kz", phone: "+7 701 111 22 33", name: "Иван Петров", birth: "1988-11-21" },
  { email: "other.person@example.kz", phone: "+7 702 000 00 00", name: "Other Person", birth: "1990-01-01" },
] as const;

/** Rows for each person: two devices with locations, sessions, a survey answer, a support message, a payment. */
export function sampleAppData(): string {
  const statements: string[] = [];
  SAMPLE_APP_PEOPLE.forEach((person, i) => {
    const u = i + 1;
    statements.push(
      `insert into users (id, email, phone, full_name, birth_date) values (${u}, '${person.email}', '${person.phone}', '${person.name}', '${person.birth}')`,
      `insert into devices (id, user_id, model, os_version, advertising_id) values (${u * 10 + 1}, ${u}, 'Samsung Galaxy A54', 'Android 14', 'ad-${u}-1'), (${u * 10 + 2}, ${u}, 'iPhone 13', 'iOS 18.1', 'ad-${u}-2')`,
      `insert into locations (device_id, latitude, longitude, recorded_at) values (${u * 10 + 1}, 51.128, 71.430, '2026-11-01T08:00:00Z'), (${u * 10 + 1}, 51.090, 71.418, '2026-11-02T09:30:00Z'), (${u * 10 + 2}, 43.238, 76.945, '2026-11-03T12:00:00Z')`,
      `insert into sessions (user_id, started_at, ip_address, app_version) values (${u}, '2026-11-01T08:00:00Z', '203.0.113.${u}', '3.2.0'), (${u}, '2026-11-05T18:10:00Z', '203.0.113.${u}', '3.2.1')`,
      `insert into survey_answers (user_id, survey, answer) values (${u}, 'Удобство приложения', 'Удобно, но хочется тёмную тему')`,
      `insert into support_messages (user_id, from_email, body, sent_at) values (${u}, '${person.email}', 'Лифт не приехал по вызову из приложения', '2026-10-20T10:00:00Z')`,
      `insert into payments (user_id, amount, paid_at) values (${u}, 1500.00, '2026-10-01T00:00:00Z')`,
    );
  });
  // Written to support before signing up: found by the address alone (an identity in a second table).
  statements.push(`insert into support_messages (user_id, from_email, body, sent_at) values (null, 'AIGERIM@example.kz', 'Как зарегистрироваться?', '2026-09-01T10:00:00Z')`);
  statements.push(`select setval(pg_get_serial_sequence('users', 'id'), 100)`, `select setval(pg_get_serial_sequence('devices', 'id'), 100)`);
  return statements.join(";\n") + ";";
}
