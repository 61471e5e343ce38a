import type { z } from "zod";
import { AppError } from "./app-error";

/** Zod issues as { "dotted.path": code }, the first issue per field; errors without a path go under "form". */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
  return fieldErrors;
}

/** The input parsed by its schema, or AppError("invalid") with the field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", { fieldErrors: fieldErrorsOf(parsed.error) });
  return parsed.data;
}
