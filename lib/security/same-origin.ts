/**
 * The check against cross-site request forgery for a POST that route handlers take from the
 * site's own pages (the request form's script): the browser's `Origin` must name this very host,
 * as Next checks for server actions (the `Origin` host against `X-Forwarded-Host`, else `Host`).
 * Stricter than Next on one point: a POST without `Origin` is refused (every browser that runs the
 * page's script sends it with a POST; Next lets such a request through with a warning).
 */
export function isSameOriginPost(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || headers.get("host");
  return !!host && originHost === host;
}
