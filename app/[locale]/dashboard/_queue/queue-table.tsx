import { InitialsAvatar } from "@/components/initials-avatar";
import { Link } from "@/lib/i18n/navigation";
import type { QueueItem } from "@/lib/requests/list-queue";
import { isOpen } from "@/lib/requests/lifecycle";
import { msLeftOf } from "@/lib/requests/deadlines/time-left";
import type { Urgency } from "@/lib/requests/deadlines/time-left";
import { URGENCY_CLASSES } from "../deadline-texts";
import { BULK_FORM_ID } from "./bulk-form-id";
import { SelectAllOnPage } from "./select-all-on-page";

export type QueueTableTexts = {
  caption: string;
  columns: { reference: string; type: string; requester: string; assignee: string; status: string; timeLeft: string };
  selectAll: string;
  selectRow: (reference: string) => string;
  typeName: (type: QueueItem["type"]) => string;
  statusName: (status: QueueItem["status"]) => string;
  timeLeft: (msLeft: number, workingDays: number | null) => { text: string; urgency: Urgency };
  marks: { urgent: string; duplicate: string; bounced: string; clockStopped: string };
  nobody: string;
};

const cell = "px-3 py-2 align-top";

/** A long value cut to the cell's width; the whole of it on hover (title) and on keyboard focus (it unfolds). */
function Truncated({ text, className = "" }: { text: string; className?: string }) {
  return (
    <bdi title={text} className={`block truncate ${className}`}>
      {text}
    </bdi>
  );
}

/**
 * The queue as a table: reference (with its marks), type, requester, assignee, status and time
 * left, a checkbox per row for the bulk bar (for those who may assign). Wider than a phone: it scrolls sideways inside its
 * own frame, never the page.
 */
export function QueueTable({ items, now, people, selectable, texts }: { items: QueueItem[]; now: Date; people: Map<string, string>; selectable: boolean; texts: QueueTableTexts }) {
  const { columns } = texts;
  return (
    // relative: the screen-reader-only texts inside (position: absolute) stay in the frame instead of widening the page.
    <div className="relative mt-3 min-w-0 overflow-x-auto rounded-md border border-slate-200 bg-white" data-testid="queue-frame">
      <table className="w-full min-w-[60rem] table-fixed border-collapse text-left text-sm">
        <caption className="sr-only">{texts.caption}</caption>
        <colgroup>
          {selectable ? <col className="w-12" /> : null}
          <col className="w-56" />
          <col className="w-44" />
          <col />
          <col className="w-28" />
          <col className="w-40" />
          <col className="w-44" />
        </colgroup>
        <thead className="bg-slate-50">
          <tr className="border-b border-slate-300">
            {selectable ? (
              <th scope="col" className={cell}>
                <SelectAllOnPage label={texts.selectAll} />
              </th>
            ) : null}
            <th scope="col" className={cell}>{columns.reference}</th>
            <th scope="col" className={cell}>{columns.type}</th>
            <th scope="col" className={cell}>{columns.requester}</th>
            <th scope="col" className={cell}>{columns.assignee}</th>
            <th scope="col" className={cell}>{columns.status}</th>
            <th scope="col" className={cell}>{columns.timeLeft}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const reference = item.reference ?? item.id.slice(0, 8);
            const msLeft = isOpen(item.status) ? msLeftOf(item, now) : null;
            const left = msLeft === null ? null : texts.timeLeft(msLeft, item.workingDaysOnClock);
            const assignee = item.assigneeId ? people.get(item.assigneeId) : undefined;
            return (
              <tr key={item.id} data-queue-row data-request-id={item.id} className="border-b border-slate-200 focus-within:bg-brand-50 hover:bg-slate-50">
                {selectable ? (
                  <td className={cell}>
                    <input type="checkbox" name="requestIds" value={item.id} form={BULK_FORM_ID} aria-label={texts.selectRow(reference)} className="h-5 w-5 accent-brand-700" />
                  </td>
                ) : null}
                <td className={cell}>
                  <Link href={`/dashboard/requests/${item.id}`} data-queue-open className="font-mono whitespace-nowrap text-brand-800 underline">
                    {reference}
                  </Link>
                  <span className="mt-1 flex flex-wrap gap-1 text-xs">
                    {item.urgent ? <span className="rounded bg-red-100 px-1 text-red-900">{texts.marks.urgent}</span> : null}
                    {item.duplicateOfId ? <span className="rounded bg-amber-100 px-1 text-amber-900">{texts.marks.duplicate}</span> : null}
                    {item.deliveryProblem ? <span className="rounded bg-red-100 px-1 text-red-900">{texts.marks.bounced}</span> : null}
                  </span>
                </td>
                <td className={cell}>{texts.typeName(item.type)}</td>
                <td className={cell}>
                  {/* Focusable so a keyboard user can unfold the cut value too. */}
                  <span tabIndex={0} className="group block min-w-0 rounded-sm focus:bg-white focus:[&_bdi]:whitespace-normal focus:[&_bdi]:break-all">
                    <Truncated text={item.requesterName} />
                    <Truncated text={item.requesterEmail} className="text-muted" />
                  </span>
                </td>
                <td className={cell}>{assignee ? <InitialsAvatar name={assignee} /> : <span className="text-muted">{texts.nobody}</span>}</td>
                <td className={cell}>{texts.statusName(item.status)}</td>
                <td className={cell}>
                  {left ? <span className={URGENCY_CLASSES[left.urgency]}>{left.text}</span> : <span className="text-muted">—</span>}
                  {left && item.pausedAt ? <span className="block text-xs text-muted">{texts.marks.clockStopped}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
