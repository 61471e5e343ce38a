import { startTransition, useSyncExternalStore, type BaseSyntheticEvent } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React runs in the browser. A form
 * shows what only works with JavaScript (add a row, show a field when a box is ticked) after
 * this turns true, and before that renders every field, so it still works without JavaScript.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * The fields of a form as the browser would post them, for a script that sends them to the same
 * server action itself — without React's hidden fields for the no-JavaScript post.
 */
export function postedFields(form: HTMLFormElement): FormData {
  const data = new FormData(form);
  for (const key of [...data.keys()]) if (key.startsWith("$ACTION")) data.delete(key);
  return data;
}

/**
 * react-hook-form's "valid" handler for a form whose `action` is a server action: once the
 * browser's checks pass, the script sends the form's own fields to that same action (the one the
 * browser posts to by itself before the script runs).
 */
export function sendToAction(dispatch: (data: FormData) => void) {
  return (_values: unknown, event?: BaseSyntheticEvent) => {
    const form = event?.target;
    if (form instanceof HTMLFormElement) startTransition(() => dispatch(postedFields(form)));
  };
}
