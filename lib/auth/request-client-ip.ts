import { clientIp } from "@/lib/security/client-ip";

/** clientIp() for the plain header object next-auth hands to authorize(). */
export function clientIpOfHeaders(headers: Record<string, unknown> | undefined): string {
  const list = new Headers();
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value === "string") list.set(name, value);
    else if (Array.isArray(value)) list.set(name, value.join(", "));
  }
  return clientIp(list);
}
