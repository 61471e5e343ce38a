"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { FormNotice, type Notice } from "./form-notice";

const FeedbackContext = createContext<{ show: (notice: Notice) => void }>({ show: () => {} });

/**
 * Holds the one notice of a panel of actions. It stays put while the page refreshes after an
 * action, so "Work started." is still announced when the button that did it has gone.
 */
export function ActionFeedback({ children, onInfo, initial = null }: { children: ReactNode; onInfo?: (notice: Notice) => void; initial?: Notice | null }) {
  // initial: a confirmation the page was loaded with (an action done on a page of its own).
  const [notice, setNotice] = useState<Notice | null>(initial);
  // onInfo: a panel that goes away on success (a dialog) hands its confirmation to the page instead.
  const show = (next: Notice) => (onInfo && next.kind === "info" ? onInfo(next) : setNotice(next));
  return (
    <FeedbackContext.Provider value={{ show }}>
      <FormNotice notice={notice} />
      {children}
    </FeedbackContext.Provider>
  );
}

/** Shows a notice in the nearest ActionFeedback panel. */
export function useActionFeedback(): (notice: Notice) => void {
  return useContext(FeedbackContext).show;
}
