import { headers } from "next/headers";

/**
 * Was this server action called by the page's script (React sends the `Next-Action` header), rather
 * than posted by a form before JavaScript ran? A script can be answered with a small result and
 * navigate itself; a plain form post needs redirect(). With a script, redirect() makes Next render
 * the whole next page into the action's answer (an internal request, ~70 ms of CPU).
 */
export async function calledFromScript(): Promise<boolean> {
  return (await headers()).has("next-action");
}
