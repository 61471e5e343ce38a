"use client";

import { ErrorNotice } from "@/components/error-notice";

// A failure in a frame itself (the site's or the dashboard's layout): no frame to show it in.
export default function LocaleError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
      <ErrorNotice {...props} />
    </main>
  );
}
