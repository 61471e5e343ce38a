import type { FieldValues, Resolver } from "react-hook-form";

/**
 * A react-hook-form resolver whose checking code — zod and the form's schema, the largest part of
 * a form's script — is fetched when the form is first used instead of with the page. `preload`
 * starts the fetch early (the forms call it on their first focus), so it is there by the time
 * the visitor submits. Should the fetch fail (a flaky connection), the form goes to the server
 * unchecked: the server action parses it with the very same schema and answers with the problems.
 */
export function lazyResolver<Values extends FieldValues, Context = unknown, Checked = Values>(load: () => Promise<Resolver<Values, Context, Checked>>) {
  let loading: Promise<Resolver<Values, Context, Checked> | null> | null = null;
  const get = () =>
    (loading ??= load().catch(() => {
      loading = null;
      return null;
    }));
  const resolver: Resolver<Values, Context, Checked> = async (values, context, options) => {
    const check = await get();
    return check ? check(values, context, options) : { values: values as unknown as Checked, errors: {} };
  };
  return { resolver, preload: () => void get() };
}
