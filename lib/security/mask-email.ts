/**
 * An e-mail address shown so its owner recognises it and an onlooker learns little:
 * the first character of the local part, "***", and the whole domain ("a***@example.kz").
 * The one masking rule for every page that names where something was sent.
 */
export function maskEmail(address: string): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at === trimmed.length - 1) return "***";
  const [first = ""] = Array.from(trimmed.slice(0, at));
  return `${first}***@${trimmed.slice(at + 1).toLowerCase()}`;
}
