/**
 * Message-ID handling shared by the parser and the bounce reader: ids are compared as "<left@right>"
 * strings, so every id is brought to that one form whatever the sending client wrote.
 */

const BRACKETED_ID = /<[^<>]*>/g;
/** Clients that drop the brackets still separate ids by whitespace or commas. */
const BARE_ID = /[^\s<>,;]+/g;

/** One raw token → "<id>" (brackets added, inner whitespace from folding removed), or null when empty. */
function bracketId(token: string): string | null {
  const inner = token.replace(/^<|>$/g, "").replace(/\s+/g, "");
  return inner ? `<${inner}>` : null;
}

/**
 * Every id in a Message-ID / In-Reply-To / References value, in order, each "<…>", without repeats.
 * When the value has bracketed ids only those count, so old-style prose such as
 * "Your message of Mon, 24 Nov <id@host>" yields just the id; comments in parentheses are ignored.
 */
export function listMessageIds(value: string | null | undefined): string[] {
  if (!value) return [];
  const withoutComments = value.replace(/\([^()]*\)/g, " ");
  const tokens = withoutComments.match(BRACKETED_ID) ?? withoutComments.match(BARE_ID) ?? [];
  const ids: string[] = [];
  for (const token of tokens) {
    const id = bracketId(token);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The first id in a header value as "<…>", or null when it holds none. */
export function firstMessageId(value: string | null | undefined): string | null {
  return listMessageIds(value)[0] ?? null;
}
