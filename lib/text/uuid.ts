const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id as the database makes them (any case): checked before a query so a malformed one is "not found", not an error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
