import type { ReactNode } from "react";
import "./globals.css";

// The real document (<html lang>) is rendered by app/[locale]/layout.tsx; this root only
// exists so that app/not-found.tsx has a layout for paths outside any locale.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
