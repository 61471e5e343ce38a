/**
 * Which URL paths are what, for proxy.ts, which decides the Content-Security-Policy before the
 * route runs. Kept in step with the app directory by page-routes.test.ts.
 */

/** Pages served from the page cache, the same for everyone (`revalidate` in their page.tsx). */
const STATIC_PAGES = [
  /^\/(ru|kk|en)\/?$/,
  /^\/(ru|kk|en)\/policy(\/[^/]+)?\/?$/,
  /^\/(ru|kk|en)\/requests\/new\/[^/]+\/?$/,
  /^\/(ru|kk|en)\/requests\/find\/?$/,
];

/** Route handlers under a locale: they set their own headers (downloads: `default-src 'none'; sandbox`). */
const ROUTE_HANDLERS = [
  /^\/(ru|kk|en)\/dashboard\/requests\/[^/]+\/files\/[^/]+\/?$/,
  /^\/(ru|kk|en)\/dashboard\/mail\/[^/]+\/raw\/?$/,
  /^\/(ru|kk|en)\/dashboard\/reports\/ccpa\/?$/,
];

export function isStaticPage(pathname: string): boolean {
  return STATIC_PAGES.some((pattern) => pattern.test(pathname));
}

export function isRouteHandler(pathname: string): boolean {
  return ROUTE_HANDLERS.some((pattern) => pattern.test(pathname));
}
