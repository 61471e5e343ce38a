/**
 * The masked address the code went to, kept in this tab's sessionStorage by the request form's
 * script, under the code page's path, for the code page to show. The action only answers it: it
 * sets no cookie, since a cookie set in a server action makes Next render the current page into
 * the answer. Never in a URL, never on the server: a stranger who opens the page by its id sees
 * nothing. (A form posted without JavaScript still gets the cookie of code-sent-to.ts.)
 */
const PREFIX = "pd-code-sent-to:";

/** Only ever a masked address (a***@example.kz): anything else stored here is not shown. */
export const MASKED_ADDRESS = /^[^@\s]\*\*\*@[^@\s]+$/u;

export function storeCodeSentTo(verifyPath: string, masked: string): void {
  try {
    if (MASKED_ADDRESS.test(masked)) sessionStorage.setItem(PREFIX + verifyPath, masked);
  } catch {
    // Storage refused (private mode, quota): the page just does not name the address.
  }
}

export function readCodeSentTo(verifyPath: string): string | null {
  try {
    const value = sessionStorage.getItem(PREFIX + verifyPath) ?? "";
    return MASKED_ADDRESS.test(value) ? value : null;
  } catch {
    return null;
  }
}
