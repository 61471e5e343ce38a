/**
 * The client's address for rate limits: the first hop of X-Forwarded-For (Next.js sets it from
 * the socket when no proxy did; behind a load balancer, the balancer's header comes first).
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
