/**
 * A message formatter small enough for the public forms' first load, in place of next-intl's
 * client (whose ICU parser and formatters are ~12 KB of gzip script on every form page). It knows
 * the part of ICU the catalogues it serves use — `{name}` and `{count, plural, =0 {…} one {…}
 * other {…}}` with `#` — and plain-translator.test.ts checks, message by message and language by
 * language, that it words every message of PLAIN_NAMESPACES exactly as next-intl does; a message
 * using anything more (select, number skeletons, rich text, quoting) fails that test.
 */

/** The catalogue namespaces (or parts, "status.reply") whose messages the public forms word with this formatter. */
export const PLAIN_NAMESPACES = ["intake", "categories", "dateField", "status.reply", "status.withdraw"] as const;

/** Every leaf key of a catalogue part, dotted ("fields.name", "options.format.pdf"). */
export type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageValues = Record<string, string | number>;

/** A catalogue part's words by key, as next-intl's `t` but without its client code. */
export type PlainTranslate<T> = (key: Leaves<T>, values?: MessageValues) => string;

class UnsupportedMessage extends Error {}

/** The index of the `}` that closes the `{` at `open`. */
function closing(message: string, open: number): number {
  let depth = 0;
  for (let index = open; index < message.length; index++) {
    if (message[index] === "{") depth++;
    else if (message[index] === "}" && --depth === 0) return index;
  }
  throw new UnsupportedMessage(`unbalanced braces in "${message}"`);
}

const PLURAL_OPTION = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;

/** `{count, plural, one {…} other {…}}`'s branch for `count`, formatted with `#` as the count. */
function plural(options: string, count: number, values: MessageValues, locale: string): string {
  const branches = new Map<string, string>();
  let index = 0;
  while (index < options.length) {
    PLURAL_OPTION.lastIndex = index;
    const option = PLURAL_OPTION.exec(options);
    if (!option) {
      if (options.slice(index).trim() === "") break;
      throw new UnsupportedMessage(`unreadable plural options "${options}"`);
    }
    const open = index + option[0].length - 1;
    const end = closing(options, open);
    branches.set(option[1]!, options.slice(open + 1, end));
    index = end + 1;
  }
  const branch = branches.get(`=${count}`) ?? branches.get(new Intl.PluralRules(locale).select(count)) ?? branches.get("other");
  if (branch === undefined) throw new UnsupportedMessage(`no "other" branch in "${options}"`);
  return format(branch, values, locale, count);
}

/** `message` with its arguments filled in; `count` is what `#` stands for inside a plural branch. */
function format(message: string, values: MessageValues, locale: string, count?: number): string {
  if (message.includes("'") && /'[{}#']/.test(message)) throw new UnsupportedMessage(`ICU quoting in "${message}"`);
  if (/<\/?[a-zA-Z]/.test(message)) throw new UnsupportedMessage(`rich text in "${message}"`);
  let out = "";
  let index = 0;
  while (index < message.length) {
    const char = message[index]!;
    if (char === "{") {
      const end = closing(message, index);
      out += argument(message.slice(index + 1, end), values, locale);
      index = end + 1;
    } else if (char === "#" && count !== undefined) {
      out += new Intl.NumberFormat(locale).format(count);
      index++;
    } else {
      out += char;
      index++;
    }
  }
  return out;
}

function argument(body: string, values: MessageValues, locale: string): string {
  const [name = "", kind, ...rest] = body.split(",");
  const value = values[name.trim()];
  if (value === undefined) throw new UnsupportedMessage(`no value for {${name.trim()}}`);
  if (kind === undefined) return String(value);
  if (kind.trim() !== "plural" || typeof value !== "number") throw new UnsupportedMessage(`unsupported argument {${body}}`);
  return plural(rest.join(","), value, values, locale);
}

/** One message of a catalogue, worded; exported for the comparison with next-intl. */
export function formatPlainMessage(message: string, values: MessageValues, locale: string): string {
  return format(message, values, locale);
}

/**
 * `t` over one catalogue part (`namespace` is its dotted place, for what a missing or unreadable
 * message shows). Like next-intl, a message that cannot be worded shows its key, not an error page.
 */
export function plainTranslator<T>(messages: T, locale: string, namespace: string): PlainTranslate<T> {
  return (key, values = {}) => {
    const message = String(key).split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
    try {
      if (typeof message !== "string") throw new UnsupportedMessage("missing message");
      return format(message, values, locale);
    } catch (error) {
      console.error(`${namespace}.${key}: ${(error as Error).message}`);
      return `${namespace}.${key}`;
    }
  };
}
