"use client";

import { buttonClasses } from "@/components/button-link";
import { Container } from "@/components/container";
import { useErrorTexts } from "@/components/error-texts";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/health/database-unavailable";

/**
 * What an error boundary shows: unexpected errors are logged on the server; the visitor gets a
 * calm, translated message. A database that cannot answer right now (the error's digest says so)
 * is "try again shortly". The public site and the dashboard show it inside their own frame.
 */
export function ErrorNotice({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useErrorTexts();
  const unavailable = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  return (
    <Container className="py-12">
      <h1 className="text-3xl font-bold">{unavailable ? t.unavailableTitle : t.title}</h1>
      <p className="mt-3 text-muted">{unavailable ? t.unavailableText : t.text}</p>
      <button type="button" onClick={reset} className={`mt-6 ${buttonClasses()}`}>
        {t.retry}
      </button>
    </Container>
  );
}
