"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { useHydrated } from "@/components/form/use-hydrated";
import { showToast } from "@/components/toast/toasts";
import { NoteForm } from "./action-forms";

const tabClasses =
  "cursor-pointer border-b-2 border-transparent px-4 py-2 font-semibold text-muted outline-none data-[hovered]:text-ink data-[selected]:border-brand-700 data-[selected]:text-brand-800 data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600";

/** Amber, like notes in the thread: nobody mistakes a note for a reply. */
const noteClasses = "-mx-4 -mb-4 rounded-b-lg bg-amber-50 px-4 pt-3 pb-4";

/**
 * Reply to the requester, or write an internal note only staff see: one composer, two tabs.
 * Tabs need a script (only the chosen panel, the reply, is in the server's HTML), so before
 * JavaScript runs the note form sits under the reply as well. The reply keeps its place in the
 * tree when the script starts, so nothing typed into it before then is lost.
 */
export function ComposerTabs({ requestId, reply }: { requestId: string; reply: ReactNode }) {
  const t = useTranslations("dashboard.composer");
  const hydrated = useHydrated();
  return (
    <>
      <Tabs>
        <TabList aria-label={t("label")} className="flex gap-1 border-b border-slate-200">
          <Tab id="reply" className={tabClasses}>
            {t("reply")}
          </Tab>
          <Tab id="note" className={tabClasses}>
            {t("note")}
          </Tab>
        </TabList>
        <TabPanel id="reply" className="pt-3 outline-none">
          {reply}
        </TabPanel>
        <TabPanel id="note" className={`${noteClasses} outline-none`}>
          {/* A note saved is confirmed by a toast (focus stays in the form); a refusal shows above the note. */}
          <NoteForm requestId={requestId} onDone={showToast} />
        </TabPanel>
      </Tabs>
      {hydrated ? null : (
        <section aria-labelledby="note-without-script" className={`mt-4 ${noteClasses}`}>
          <h3 id="note-without-script" className="pb-2 font-semibold">
            {t("note")}
          </h3>
          {/* Toasts need the script: the confirmation shows above the note. */}
          <NoteForm requestId={requestId} />
        </section>
      )}
    </>
  );
}
