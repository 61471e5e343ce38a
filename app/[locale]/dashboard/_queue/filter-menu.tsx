"use client";

import { Button, Menu, MenuItem, MenuTrigger, Popover, type Selection } from "react-aria-components";

export type FilterOption = { value: string; label: string };

/**
 * One filter of the queue's toolbar: a button naming the filter (and how many values are
 * chosen) that opens a menu of its values; "multiple" menus stay open to tick several.
 */
export function FilterMenu({
  label,
  buttonLabel,
  options,
  selected,
  multiple,
  onChange,
}: {
  label: string;
  buttonLabel: string;
  options: FilterOption[];
  selected: string[];
  multiple: boolean;
  onChange: (values: string[]) => void;
}) {
  const change = (keys: Selection) => {
    if (keys === "all") onChange(options.map((option) => option.value));
    else onChange(options.map((option) => option.value).filter((value) => keys.has(value)));
  };
  return (
    <MenuTrigger>
      <Button
        className={`inline-flex min-h-11 shrink-0 items-center gap-2 rounded-md border px-3 py-2 text-sm whitespace-nowrap outline-offset-2 data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600 ${selected.length ? "border-brand-700 bg-brand-50 font-semibold text-brand-800" : "border-slate-400 bg-white"}`}
      >
        {buttonLabel}
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover placement="bottom start" className="max-h-80 min-w-48 overflow-auto rounded-md border border-slate-300 bg-white shadow-lg">
        <Menu
          aria-label={label}
          selectionMode={multiple ? "multiple" : "single"}
          selectedKeys={new Set(selected)}
          onSelectionChange={change}
          className="py-1 outline-none"
        >
          {options.map((option) => (
            <MenuItem
              key={option.value}
              id={option.value}
              textValue={option.label}
              className="flex cursor-pointer items-center gap-2 px-3 py-2 text-sm outline-none data-[focused]:bg-brand-50 data-[selected]:font-semibold"
            >
              {({ isSelected }) => (
                <>
                  <span aria-hidden="true" className={`inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-sm border ${isSelected ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400"}`}>
                    {isSelected ? "✓" : ""}
                  </span>
                  {option.label}
                </>
              )}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
