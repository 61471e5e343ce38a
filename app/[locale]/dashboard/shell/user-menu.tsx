"use client";

import { signOut } from "next-auth/react";
import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover } from "react-aria-components";

export type UserMenuTexts = { menu: string; signedInAs: string; role: string; account: string; signOut: string };

const initials = (name: string) =>
  name
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");

const itemClasses = "flex min-h-10 cursor-pointer items-center px-4 py-2 text-sm text-ink no-underline outline-none data-[focused]:bg-brand-50";

/** The top bar's account menu: who is signed in (and as what), their account page, sign out. */
export function UserMenu({ name, locale, texts }: { name: string; locale: string; texts: UserMenuTexts }) {
  return (
    <MenuTrigger>
      <Button className="inline-flex min-h-10 shrink-0 items-center gap-2 rounded-full py-1 pl-1 pr-2 text-sm hover:bg-slate-100 outline-none data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600">
        <span aria-hidden="true" className="inline-flex h-8 w-8 items-center justify-center rounded-full bg-brand-700 text-xs font-semibold text-white">
          {initials(name)}
        </span>
        <span data-testid="signed-in-as" className="sr-only md:not-sr-only md:max-w-56 md:truncate">
          {texts.signedInAs}
        </span>
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover placement="bottom end" className="min-w-56 max-w-[calc(100vw-1rem)] rounded-md border border-slate-300 bg-white shadow-lg">
        <Menu
          aria-label={texts.menu}
          className="py-1 outline-none"
          onAction={(key) => {
            if (key === "signOut") void signOut({ callbackUrl: `/${locale}/staff/sign-in` });
          }}
        >
          <MenuSection>
            <Header className="border-b border-slate-200 px-4 py-2 text-sm">
              <span className="block font-semibold break-words">{name}</span>
              <span className="block text-muted">{texts.role}</span>
            </Header>
            <MenuItem id="account" href={`/${locale}/dashboard/account`} className={itemClasses}>
              {texts.account}
            </MenuItem>
            <MenuItem id="signOut" className={itemClasses}>
              {texts.signOut}
            </MenuItem>
          </MenuSection>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
