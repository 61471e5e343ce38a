import type { NavKey } from "./nav-items";

// 24×24 outline paths, one per section: what stays visible of a link when the sidebar is collapsed.
const PATHS: Record<NavKey, string> = {
  queue: "M4 6h16M4 12h16M4 18h10",
  mail: "M3 6h18v12H3zM3 7l9 6 9-6",
  audit: "M9 4h6l1 2h3v14H5V6h3zM9 12l2 2 4-4",
  exports: "M12 4v11m0 0-4-4m4 4 4-4M5 19h14",
  reports: "M5 20V10m7 10V4m7 16v-7",
  templates: "M5 4h14v16H5zM8 8h8M8 12h8M8 16h5",
  calendar: "M4 6h16v14H4zM4 10h16M8 3v4m8-4v4",
  staffAdmin: "M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3 3-5 6-5s6 2 6 5M16 5a3 3 0 0 1 0 6M18 15c2 .5 3 2 3 5",
  retention: "M4 7h16M6 7l1 13h10l1-13M9 7V4h6v3",
  policy: "M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6z",
  dataMap: "M4 6l5-2 6 2 5-2v14l-5 2-6-2-5 2zM9 4v14m6-12v14",
  account: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6",
};

export function NavIcon({ name }: { name: NavKey }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
