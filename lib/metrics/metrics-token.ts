import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether an Authorization header carries the metrics token as a bearer token (compared in constant time). */
export function hasMetricsToken(authorization: string | null, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}
