"use client";

import { useEffect, useRef } from "react";

/**
 * After an action the page refreshes, and the control that had focus may be gone with it (a form
 * with nothing left to do). Call the returned function when an action is done: once the answer has
 * been drawn (and a dialog has given focus back), focus that was lost goes to `fallback()` instead
 * of the top of the page; focus still on a control of the page stays where it is.
 */
export function useRefocusWhenLost(fallback: () => HTMLElement | null | undefined): () => void {
  const wanted = useRef(false);
  useEffect(() => {
    if (!wanted.current) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        wanted.current = false;
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected) return;
        fallback()?.focus();
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  });
  return () => {
    wanted.current = true;
  };
}
