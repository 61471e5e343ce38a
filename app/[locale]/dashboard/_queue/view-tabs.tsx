import { Link } from "@/lib/i18n/navigation";
import { QUEUE_VIEWS, VIEW_COUNT_CAP, type QueueView, type ViewCounts } from "@/lib/requests/staff/queue-views";

/**
 * The saved views as a row of tabs (links: each view has its own address), the current one
 * marked, each with its count ("1000+" past the cap). Scrolls inside its own strip on a phone.
 */
export function ViewTabs({
  current,
  counts,
  label,
  names,
  atLeast,
  hrefOf,
}: {
  current: QueueView;
  counts: ViewCounts;
  label: string;
  names: Record<QueueView, string>;
  atLeast: (count: number) => string;
  hrefOf: (view: QueueView) => string;
}) {
  return (
    <nav aria-label={label} className="mt-4 min-w-0 overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1 text-sm">
        {QUEUE_VIEWS.map((view) => {
          const active = view === current;
          const count = counts[view];
          return (
            <li key={view} className="shrink-0">
              <Link
                href={hrefOf(view)}
                aria-current={active ? "page" : undefined}
                className={`-mb-px inline-flex min-h-11 items-center gap-2 border-b-2 px-3 py-2 whitespace-nowrap no-underline ${active ? "border-brand-700 font-semibold text-brand-800" : "border-transparent text-ink hover:border-slate-400"}`}
              >
                {names[view]}
                <span className={`rounded-full px-2 text-xs ${active ? "bg-brand-700 text-white" : "bg-slate-200 text-ink"}`}>{count >= VIEW_COUNT_CAP ? atLeast(VIEW_COUNT_CAP) : count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
