export const CSP_HEADER: string;
export function withStaticPagePolicy<T extends { kind?: string; html?: unknown; headers?: Record<string, unknown> }>(value: T): T;
declare const StaticPageCache: unknown;
export default StaticPageCache;
