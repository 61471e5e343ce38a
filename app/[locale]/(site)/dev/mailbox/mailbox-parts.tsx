import type { OutboxStatus } from "@/db/schema";

/** A mailbox link that keeps the ?to= filter, so "back" returns to the same list. */
export function mailboxHref(id: string | null, to: string | undefined): string {
  const path = id ? `/dev/mailbox/${id}` : "/dev/mailbox";
  return to ? `${path}?${new URLSearchParams({ to })}` : path;
}

const STATUS_CLASSES: Record<OutboxStatus, string> = {
  pending: "bg-amber-100 text-amber-900",
  sent: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
  bounced: "bg-red-100 text-red-900",
};

/** The delivery status as text (colour only repeats it). */
export function StatusBadge({ status, label }: { status: OutboxStatus; label: string }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${STATUS_CLASSES[status]}`}>{label}</span>;
}
