/**
 * Reading the Authentication-Results header (RFC 8601) that the receiving mail server adds after
 * checking SPF, DKIM and DMARC. Only a header whose authserv-id is one of ours (a configured,
 * trusted id) counts: anyone can write such a header into the mail they send. A trusted server
 * removes headers carrying its own id from incoming mail (RFC 8601 §5), and only the topmost one
 * with a trusted id is read, which is the one our server added last.
 */

export type AuthResult = { method: string; result: string; properties: Map<string, string> };
export type AuthenticationResults = { authservId: string; results: AuthResult[] };

/** Removes (comments), nested ones too, outside quoted strings. */
function stripComments(value: string): string {
  let out = "";
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    if (char === "\\" && index + 1 < value.length) {
      if (depth === 0) out += char + value[index + 1];
      index++;
    } else if (quoted) {
      out += char;
      if (char === '"') quoted = false;
    } else if (char === '"' && depth === 0) {
      quoted = true;
      out += char;
    } else if (char === "(") depth++;
    else if (char === ")" && depth > 0) depth--;
    else if (depth === 0) out += char;
  }
  return out;
}

/** Splits on ";" outside quoted strings. */
function splitStatements(value: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    if (char === ";" && !quoted) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

const TOKEN = /^([a-z0-9_.-]+)\s*(?:\/\s*[a-z0-9_.-]+)?\s*=\s*("(?:[^"\\]|\\.)*"|[^\s"]+)/i;

function parseResult(statement: string): AuthResult | null {
  const head = TOKEN.exec(statement);
  if (!head) return null;
  const properties = new Map<string, string>();
  let rest = statement.slice(head[0].length);
  // Everything after method=result: "reason=…" and ptype.property=value pairs.
  for (let match = TOKEN.exec(rest.trim()); match; match = TOKEN.exec(rest.trim())) {
    properties.set(match[1]!.toLowerCase(), match[2]!.replace(/^"|"$/g, ""));
    rest = rest.trim().slice(match[0].length);
  }
  return { method: head[1]!.toLowerCase(), result: head[2]!.replace(/^"|"$/g, "").toLowerCase(), properties };
}

/** One header value → its authserv-id and results; null when it has no authserv-id. */
export function parseAuthenticationResults(value: string): AuthenticationResults | null {
  const [first, ...statements] = splitStatements(stripComments(value.replace(/\r?\n[ \t]+/g, " ")));
  const authservId = first?.split(/\s+/)[0]?.toLowerCase();
  if (!authservId) return null;
  return { authservId, results: statements.map(parseResult).filter((result): result is AuthResult => result !== null) };
}

/** Is `domain` the From domain, or a parent of it (relaxed alignment, RFC 7489 §3.1)? */
function aligned(domain: string | undefined, fromDomain: string): boolean {
  if (!domain) return false;
  const d = domain.toLowerCase().replace(/^@/, "").replace(/\.$/, "");
  if (!d.includes(".")) return false;
  return fromDomain === d || fromDomain.endsWith(`.${d}`);
}

/**
 * Did our own mail server vouch for the From address? True when the topmost Authentication-Results
 * header from a trusted authserv-id says dmarc=pass for the From domain, or dkim=pass with a
 * signing domain (header.d, or header.i's domain) aligned with it.
 */
export function isSenderVerified(headerValues: readonly string[], trustedIds: readonly string[], fromAddress: string | null | undefined): boolean {
  const fromDomain = fromAddress?.split("@")[1]?.toLowerCase();
  if (!fromDomain || trustedIds.length === 0) return false;
  const trusted = new Set(trustedIds.map((id) => id.toLowerCase()));
  const ours = headerValues.map(parseAuthenticationResults).find((parsed) => parsed && trusted.has(parsed.authservId));
  if (!ours) return false;
  return ours.results.some((result) => {
    if (result.result !== "pass") return false;
    if (result.method === "dmarc") return aligned(result.properties.get("header.from") ?? fromDomain, fromDomain);
    if (result.method === "dkim") return aligned(result.properties.get("header.d") ?? result.properties.get("header.i")?.split("@").pop(), fromDomain);
    return false;
  });
}
