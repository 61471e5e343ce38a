"use client";

import { createContext, useContext, type ReactNode } from "react";

/** What an error boundary says, already translated: the boundary cannot ask the server for it. */
export type ErrorTexts = { title: string; text: string; retry: string; unavailableTitle: string; unavailableText: string };

const Texts = createContext<ErrorTexts | null>(null);

/**
 * Hands the error boundaries below their words as plain strings, so a page needs no message
 * formatter in the browser just in case it fails (the public pages ship none otherwise).
 */
export function ErrorTextsProvider({ texts, children }: { texts: ErrorTexts; children: ReactNode }) {
  return <Texts.Provider value={texts}>{children}</Texts.Provider>;
}

export function useErrorTexts(): ErrorTexts {
  const texts = useContext(Texts);
  if (!texts) throw new Error("useErrorTexts needs an <ErrorTextsProvider> above it (app/[locale]/layout.tsx)");
  return texts;
}
