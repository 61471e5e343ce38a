// The requests bench:queue times the queue on, seeded by generate_series in SQL (also used to keep a
// seeded database for EXPLAIN ANALYZE).
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/lib/audit/record-audit-event";
import { seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";
import { compactStatusCounts } from "@/lib/requests/status-counts";

/** The moment the queue is looked at: the seeded requests were received over the year before it. */
export const QUEUE_NOW = new Date("2026-06-01T06:00:00Z");

/**
 * How requesters' names and addresses are made up:
 * - "realistic" (the default): first and last names drawn from lists of common Kazakh, Russian and
 *   English ones (in Cyrillic, or in Latin letters for requests in English; surnames in the form
 *   that goes with the person), so a name is shared by many requesters as in real data; addresses
 *   made from the name the way people make them (ivan.petrov, aigerim_akhmetova92, dsmith1987 …) at
 *   the common mail domains of the region.
 * - "synthetic" (the seed the queue was measured on before): "Иван Петров 123456" and
 *   "person123456@mail6.example.kz", each unique, every address sharing most of its trigrams with
 *   all the others.
 */
export const QUEUE_SEEDS = ["realistic", "synthetic"] as const;
export type QueueSeed = (typeof QUEUE_SEEDS)[number];

// [female, male] first names: Cyrillic, then Latin.
const FIRST_NAMES: [string, string, string, string][] = [
  ["Айгерим", "Ержан", "Aigerim", "Yerzhan"],
  ["Асель", "Нурлан", "Assel", "Nurlan"],
  ["Дана", "Бауыржан", "Dana", "Bauyrzhan"],
  ["Алия", "Серик", "Aliya", "Serik"],
  ["Динара", "Арман", "Dinara", "Arman"],
  ["Жанар", "Ерлан", "Zhanar", "Yerlan"],
  ["Мадина", "Айдос", "Madina", "Aidos"],
  ["Гульнара", "Нұрсұлтан", "Gulnara", "Nursultan"],
  ["Аружан", "Даурен", "Aruzhan", "Dauren"],
  ["Әсем", "Тимур", "Assem", "Timur"],
  ["Томирис", "Азамат", "Tomiris", "Azamat"],
  ["Ділназ", "Санжар", "Dilnaz", "Sanzhar"],
  ["Мария", "Иван", "Maria", "Ivan"],
  ["Ольга", "Сергей", "Olga", "Sergey"],
  ["Елена", "Алексей", "Elena", "Alexey"],
  ["Наталья", "Дмитрий", "Natalya", "Dmitry"],
  ["Татьяна", "Андрей", "Tatiana", "Andrey"],
  ["Анна", "Виктор", "Anna", "Viktor"],
  ["Екатерина", "Максим", "Ekaterina", "Maxim"],
  ["Юлия", "Павел", "Yulia", "Pavel"],
  ["Алина", "Руслан", "Alina", "Ruslan"],
  ["Эмили", "Джон", "Emily", "John"],
  ["Сара", "Майкл", "Sarah", "Michael"],
  ["Лаура", "Дэвид", "Laura", "David"],
];

// Surnames: Cyrillic male, female, then Latin male, female.
const LAST_NAMES: [string, string, string, string][] = [
  ["Ахметов", "Ахметова", "Akhmetov", "Akhmetova"],
  ["Нұрланов", "Нұрланова", "Nurlanov", "Nurlanova"],
  ["Жумабаев", "Жумабаева", "Zhumabayev", "Zhumabayeva"],
  ["Сулейменов", "Сулейменова", "Suleimenov", "Suleimenova"],
  ["Омаров", "Омарова", "Omarov", "Omarova"],
  ["Касымов", "Касымова", "Kassymov", "Kassymova"],
  ["Абенов", "Абенова", "Abenov", "Abenova"],
  ["Искаков", "Искакова", "Iskakov", "Iskakova"],
  ["Тулегенов", "Тулегенова", "Tulegenov", "Tulegenova"],
  ["Байжанов", "Байжанова", "Baizhanov", "Baizhanova"],
  ["Сатпаев", "Сатпаева", "Satpayev", "Satpayeva"],
  ["Есенов", "Есенова", "Yessenov", "Yessenova"],
  ["Серікұлы", "Серікқызы", "Serikuly", "Serikkyzy"],
  ["Әбілов", "Әбілова", "Abilov", "Abilova"],
  ["Мухамедов", "Мухамедова", "Mukhamedov", "Mukhamedova"],
  ["Жақсылықов", "Жақсылықова", "Zhaksylykov", "Zhaksylykova"],
  ["Петров", "Петрова", "Petrov", "Petrova"],
  ["Иванов", "Иванова", "Ivanov", "Ivanova"],
  ["Смирнов", "Смирнова", "Smirnov", "Smirnova"],
  ["Кузнецов", "Кузнецова", "Kuznetsov", "Kuznetsova"],
  ["Попов", "Попова", "Popov", "Popova"],
  ["Соколов", "Соколова", "Sokolov", "Sokolova"],
  ["Лебедев", "Лебедева", "Lebedev", "Lebedeva"],
  ["Козлов", "Козлова", "Kozlov", "Kozlova"],
  ["Новиков", "Новикова", "Novikov", "Novikova"],
  ["Морозов", "Морозова", "Morozov", "Morozova"],
  ["Волков", "Волкова", "Volkov", "Volkova"],
  ["Павлов", "Павлова", "Pavlov", "Pavlova"],
  ["Ким", "Ким", "Kim", "Kim"],
  ["Пак", "Пак", "Pak", "Pak"],
  ["Ли", "Ли", "Li", "Li"],
  ["Цой", "Цой", "Tsoi", "Tsoi"],
  ["Шевченко", "Шевченко", "Shevchenko", "Shevchenko"],
  ["Бондаренко", "Бондаренко", "Bondarenko", "Bondarenko"],
  ["Смит", "Смит", "Smith", "Smith"],
  ["Джонсон", "Джонсон", "Johnson", "Johnson"],
  ["Браун", "Браун", "Brown", "Brown"],
  ["Уильямс", "Уильямс", "Williams", "Williams"],
  ["Тейлор", "Тейлор", "Taylor", "Taylor"],
  ["Уилсон", "Уилсон", "Wilson", "Wilson"],
];

// Mail domains, the common ones repeated by how common they are here.
const DOMAINS = [
  ...Array<string>(6).fill("gmail.com"),
  ...Array<string>(5).fill("mail.ru"),
  ...Array<string>(2).fill("yandex.ru"),
  ...Array<string>(2).fill("icloud.com"),
  "yandex.kz",
  "inbox.ru",
  "list.ru",
  "bk.ru",
  "outlook.com",
  "hotmail.com",
  "mail.kz",
  "inbox.kz",
];

const literalArray = (values: readonly string[]) => sql.raw(`array[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", ")}]::text[]`);

/** A whole number in [0, modulo) that looks random but is the same for the same n and salt at any size. */
const hashed = (salt: number, modulo: number) => sql.raw(`((hashint8(n::int8 * 16 + ${salt})::int8 + 2147483648) % ${modulo})::int`);

/** The realistic name and address of request n (see QUEUE_SEEDS), as columns name and email of a lateral subquery. */
function realisticPerson(): SQL {
  const column = (list: [string, string, string, string][], at: number) => literalArray(list.map((entry) => entry[at]!));
  return sql`cross join lateral (select
      -- Requests in English carry Latin names, the others Cyrillic.
      (case when n % 3 = 2
        then (case when p.male = 1 then (${column(FIRST_NAMES, 3)})[1 + p.first] else (${column(FIRST_NAMES, 2)})[1 + p.first] end)
          || ' ' || (case when p.male = 1 then (${column(LAST_NAMES, 2)})[1 + p.last] else (${column(LAST_NAMES, 3)})[1 + p.last] end)
        else (case when p.male = 1 then (${column(FIRST_NAMES, 1)})[1 + p.first] else (${column(FIRST_NAMES, 0)})[1 + p.first] end)
          || ' ' || (case when p.male = 1 then (${column(LAST_NAMES, 0)})[1 + p.last] else (${column(LAST_NAMES, 1)})[1 + p.last] end)
      end) as name,
      (case p.pattern
        when 0 then p.first_lat || '.' || p.last_lat
        when 1 then p.first_lat || p.last_lat || lpad((p.born % 100)::text, 2, '0')
        when 2 then p.first_lat || '_' || p.last_lat
        when 3 then left(p.first_lat, 1) || p.last_lat
        when 4 then p.last_lat || '.' || p.first_lat
        when 5 then p.first_lat || p.born
        when 6 then p.first_lat || '.' || p.last_lat || lpad((p.born % 100)::text, 2, '0')
        else p.first_lat || left(p.last_lat, 1) || lpad((p.born % 100)::text, 2, '0')
      end) || '@' || (${literalArray(DOMAINS)})[1 + p.domain] as email
    from (select *,
        lower(case when male = 1 then (${column(FIRST_NAMES, 3)})[1 + first] else (${column(FIRST_NAMES, 2)})[1 + first] end) as first_lat,
        lower(case when male = 1 then (${column(LAST_NAMES, 2)})[1 + last] else (${column(LAST_NAMES, 3)})[1 + last] end) as last_lat
      from (select ${hashed(1, 2)} as male, ${hashed(2, FIRST_NAMES.length)} as first, ${hashed(3, LAST_NAMES.length)} as last,
        ${hashed(4, 8)} as pattern, 1960 + ${hashed(5, 47)} as born, ${hashed(6, DOMAINS.length)} as domain) as drawn) as p
  ) as person`;
}

function syntheticPerson(): SQL {
  return sql`cross join lateral (select
      (array['Айгерим', 'Иван', 'Asel', 'Dana', 'Ержан', 'Мария'])[1 + n % 6] || ' ' || (array['Серікқызы', 'Петров', 'Smith', 'Нұрланов', 'Kim'])[1 + n % 5] || ' ' || n as name,
      'person' || n || '@mail' || (n % 50) || '.example.kz' as email) as person`;
}

/**
 * n requests received over the year before QUEUE_NOW: most closed (as in a queue that has run for
 * a while), a few percent open, some unverified or expired; 20 agents; each confirmed request under
 * its jurisdiction's deadline rule (the shipped rules and calendar), so the queue's "time left" in
 * working days is worked out as in the app.
 */
export async function seedQueue(db: Db, rows: number, people: QueueSeed = "realistic"): Promise<{ me: string }> {
  await seedDeadlineData(db);
  await db.execute(sql`insert into staff (email, name, role) select 'agent' || n || '@example.kz', 'Агент ' || n, 'agent' from generate_series(1, 20) as n`);
  // Bulk load without the secondary indexes, then build them: the same end state, minutes faster.
  const indexes = rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`select indexname as name, indexdef as definition from pg_indexes where tablename = 'requests' and indexdef not like 'CREATE UNIQUE%'`),
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index ${index.name}`));
  await db.execute(sql`
    with agents as (select array_agg(id order by email) as ids from staff)
    insert into requests (reference, type, status, locale, jurisdiction, channel, requester_name, requester_email, details,
      consent_at, created_at, verify_by, verified_at, due_at, deadline_rule_id, assignee_id, urgent, status_changed_at, closed_at)
    select
      case when st.status not in ('unverified', 'expired') then 'DSR-' || (2025 + n / 900000) || '-' || lpad((n % 900000)::text, 6, '0') end,
      kind.type,
      st.status,
      (array['ru', 'kk', 'en'])[1 + n % 3],
      kind.jurisdiction,
      'web',
      person.name,
      person.email,
      '{}'::jsonb,
      t.created, t.created, t.created + interval '14 days',
      case when st.status not in ('unverified', 'expired') then t.created + interval '1 hour' end,
      case when st.status not in ('unverified', 'expired') then t.created + interval '30 days' end,
      case when st.status not in ('unverified', 'expired') then rule.id end,
      case when n % 3 = 0 then null else agents.ids[1 + n % 20] end,
      n % 97 = 0,
      t.created,
      case when st.status in ('completed', 'denied', 'withdrawn', 'expired') then t.created + interval '10 days' end
    from generate_series(1, ${rows}::int) as n
    cross join agents
    cross join lateral (select ${QUEUE_NOW.toISOString()}::timestamptz - interval '365 days' + (n::float8 / ${rows}) * interval '375 days' as created) as t
    cross join lateral (select case
      when n % 100 < 4 then 'unverified' when n % 100 < 10 then 'expired'
      when n % 100 < 13 then 'new' when n % 100 < 16 then 'in_progress' when n % 100 < 17 then 'awaiting_requester' when n % 100 < 18 then 'on_hold'
      when n % 100 < 90 then 'completed' when n % 100 < 96 then 'denied' else 'withdrawn' end as status) as st
    cross join lateral (select (array['access', 'correction', 'deletion', 'credential_misuse'])[1 + n % 4] as type,
      (array['KZ', 'KZ', 'KZ', 'GDPR', 'CCPA'])[1 + n % 5] as jurisdiction) as kind
    left join lateral (select id from deadline_rules where deadline_rules.jurisdiction = kind.jurisdiction and request_type = kind.type
      order by valid_from desc limit 1) as rule on true
    ${people === "realistic" ? realisticPerson() : syntheticPerson()}`);
  for (const index of indexes) await db.execute(sql.raw(index.definition));
  await compactStatusCounts(db);
  await db.execute(sql`vacuum (analyze) requests`);
  const [agent] = rowsOf<{ id: string }>(await db.execute(sql`select id from staff order by email limit 1`));
  return { me: agent!.id };
}

/** What the bench searches for: the address and name of a request in the middle of the database, whole and in part, and a reference. */
export type SearchTerms = { email: string; emailPart: string; name: string; namePart: string; reference: string };

export async function searchTerms(db: Db, rows: number, people: QueueSeed): Promise<SearchTerms> {
  const n = Math.floor(rows / 2);
  const reference = `2025-${String(n + 12).padStart(6, "0")}`;
  if (people === "synthetic") {
    // The terms the queue was measured with before the realistic seed.
    return { email: `person${n + 13}@mail`, emailPart: `person${n + 13}`, name: `Петров ${n + 11}`, namePart: "Петров", reference };
  }
  const referenceOf = (k: number) => `DSR-2025-${String(k).padStart(6, "0")}`;
  const [row] = rowsOf<{ email: string; name: string }>(
    await db.execute(sql`select (select requester_email from requests where reference = ${referenceOf(n + 13)}) as email,
      (select requester_name from requests where reference = ${referenceOf(n + 11)}) as name`),
  );
  // As staff type them: the address from an e-mail, the name from a letter; a part: the address before
  // the "@" and the surname alone.
  return { email: row!.email, emailPart: row!.email.split("@")[0]!, name: row!.name, namePart: row!.name.split(" ")[1]!, reference };
}
