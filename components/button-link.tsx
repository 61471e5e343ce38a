import type { ComponentProps } from "react";

const VARIANTS = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-brand-700 bg-white text-brand-800 hover:bg-brand-50",
} as const;

export const buttonClasses = (variant: keyof typeof VARIANTS = "primary") =>
  `inline-flex min-h-11 items-center justify-center rounded-md px-4 py-2 text-center font-semibold no-underline transition-colors ${VARIANTS[variant]}`;

/** A form's main button: the primary colours, sized for a form's row of controls. */
export const submitButtonClasses =
  "inline-flex min-h-11 items-center rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";

/** A link styled as a button, for calls to action that navigate. */
export function ButtonLink({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<"a"> & { variant?: keyof typeof VARIANTS }) {
  return <a {...props} className={`${buttonClasses(variant)} ${className}`} />;
}
