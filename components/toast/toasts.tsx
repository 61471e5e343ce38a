"use client";

import {
  Button,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
} from "react-aria-components";

type ToastValue = { text: string };

/**
 * The dashboard's toasts (React Aria's toast queue): one queue for the whole tab, so a toast
 * survives the page refreshing under it. Only the browser ever adds to it.
 */
const queue = new ToastQueue<ToastValue>({ maxVisibleToasts: 3 });

/** How long a toast stays; hovering or focusing the region pauses it (React Aria). */
export const TOAST_TIMEOUT_MS = 8_000;

/**
 * Confirms an action done with the script without moving focus: the region is a landmark (F6
 * reaches it) and its toasts are announced. Refusals are not toasts: they stay next to the form.
 */
export function showToast(text: string): void {
  queue.add({ text }, { timeout: TOAST_TIMEOUT_MS });
}

/** Where the toasts appear: bottom right (bottom, full width on a phone), above the page. */
export function Toasts({ label, closeLabel }: { label: string; closeLabel: string }) {
  return (
    <ToastRegion queue={queue} aria-label={label} className="fixed inset-x-2 bottom-2 z-50 flex flex-col items-stretch gap-2 outline-none sm:inset-x-auto sm:right-4 sm:bottom-4 sm:w-96">
      {({ toast }) => (
        <Toast
          toast={toast}
          className="flex items-start gap-3 rounded-md border-l-4 border-green-700 bg-white p-3 text-ink shadow-lg outline-none data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600"
        >
          <ToastContent className="min-w-0 flex-1">
            <Text slot="title" className="font-medium break-words">
              {toast.content.text}
            </Text>
          </ToastContent>
          <Button slot="close" aria-label={closeLabel} className="-m-1 inline-flex size-8 shrink-0 items-center justify-center rounded text-muted hover:bg-slate-100 data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600">
            <span aria-hidden="true">×</span>
          </Button>
        </Toast>
      )}
    </ToastRegion>
  );
}
