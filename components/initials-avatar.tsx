/** Up to two letters from a person's name ("Arman Agent" → "AA"), for a small round badge. */
export function initialsOf(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/u)
    .map((word) => Array.from(word)[0] ?? "")
    .filter(Boolean);
  return (letters.length > 1 ? letters[0]! + letters[letters.length - 1]! : (letters[0] ?? "?")).toLocaleUpperCase();
}

/** A person shown by their initials; the full name is the badge's title and its text for screen readers. */
export function InitialsAvatar({ name }: { name: string }) {
  return (
    <span className="inline-flex items-center gap-2" title={name}>
      <span aria-hidden="true" className="inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-bold text-brand-800">
        {initialsOf(name)}
      </span>
      <span className="sr-only">{name}</span>
    </span>
  );
}
