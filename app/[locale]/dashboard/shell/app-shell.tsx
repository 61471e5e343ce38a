"use client";

import { useState, type ReactNode } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import type { NavItem } from "./nav-items";
import { SIDEBAR_COOKIE } from "./sidebar-cookie";
import { SidebarNav } from "./sidebar-nav";

export type ShellTexts = { navLabel: string; open: string; close: string; collapse: string; expand: string };


const iconButton =
  "inline-flex h-10 w-10 shrink-0 items-center justify-center rounded-md text-ink hover:bg-slate-200 outline-none data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600";

function Bars() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M4 6h16M4 12h16M4 18h16" />
    </svg>
  );
}

/**
 * The dashboard's frame: a sidebar of the sections the role may open (collapsible to icons on a
 * wide screen, a drawer on a narrow one), the top bar (search, language, account menu) and the
 * page. Every flex child that holds the page has min-w-0, so a wide table scrolls inside its own
 * frame instead of widening the document.
 */
export function AppShell({ items, texts, initiallyCollapsed, topBar, children }: { items: NavItem[]; texts: ShellTexts; initiallyCollapsed: boolean; topBar: ReactNode; children: ReactNode }) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    document.cookie = `${SIDEBAR_COOKIE}=${next ? "collapsed" : "open"}; path=/; max-age=31536000; samesite=lax`;
  };

  return (
    <div className="flex w-full min-w-0 flex-1">
      {/* The brand and the collapse button sit inside the nav landmark (no content outside landmarks). */}
      <SidebarNav
        items={items}
        label={texts.navLabel}
        collapsed={collapsed}
        className={`sticky top-0 hidden h-screen shrink-0 flex-col overflow-y-auto border-r border-slate-200 bg-slate-50 lg:flex ${collapsed ? "w-16" : "w-64"}`}
        top={
          <div className={`flex items-center border-b border-slate-200 p-3 ${collapsed ? "justify-center" : "justify-between"}`}>
            {collapsed ? null : <span className="truncate font-semibold">Privacy Desk</span>}
            <Button onPress={toggle} aria-label={collapsed ? texts.expand : texts.collapse} aria-expanded={!collapsed} className={iconButton}>
              <svg aria-hidden="true" viewBox="0 0 24 24" className={`h-5 w-5 ${collapsed ? "rotate-180" : ""}`} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <path d="M15 6l-6 6 6 6" />
              </svg>
            </Button>
          </div>
        }
      />

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex min-w-0 flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-2 sm:flex-nowrap sm:px-4">
          <Button onPress={() => setDrawerOpen(true)} aria-label={texts.open} className={`${iconButton} lg:hidden`}>
            <Bars />
          </Button>
          {topBar}
        </header>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {children}
        </main>
      </div>

      <ModalOverlay isOpen={drawerOpen} onOpenChange={setDrawerOpen} isDismissable className="fixed inset-0 z-50 bg-black/40 lg:hidden">
        <Modal className="fixed inset-y-0 left-0 w-72 max-w-[85vw] overflow-y-auto bg-white shadow-xl">
          <Dialog aria-label={texts.navLabel} className="flex h-full flex-col outline-none">
            <div className="flex items-center justify-between border-b border-slate-200 p-3">
              <Heading slot="title" className="font-semibold">
                Privacy Desk
              </Heading>
              <Button onPress={() => setDrawerOpen(false)} aria-label={texts.close} className={iconButton}>
                <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                  <path d="M6 6l12 12M18 6L6 18" />
                </svg>
              </Button>
            </div>
            <SidebarNav items={items} label={texts.navLabel} collapsed={false} onNavigate={() => setDrawerOpen(false)} />
          </Dialog>
        </Modal>
      </ModalOverlay>
    </div>
  );
}
