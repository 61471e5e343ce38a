import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import type { RequestType } from "@/lib/requests/request-types";
import { requestFormSchemaFor } from "@/lib/requests/types";
import type { CheckedForm, FormValues } from "./request-form-values";

/**
 * The chosen type's schema as the resolver of the form's one loose shape: it checks at run time
 * whatever the fields hold, and what it passes is that schema's output. Loaded by the form on
 * first use (components/form/lazy-resolver.ts): zod and the registry's schemas never come with the page.
 */
export function requestFormCheck(type: RequestType): Resolver<FormValues, unknown, CheckedForm> {
  const check = zodResolver(requestFormSchemaFor(type));
  return async (values, context, { criteriaMode, fields, names, shouldUseNativeValidation }) => {
    const result = await check(values, context, { criteriaMode, fields, names, shouldUseNativeValidation });
    return Object.keys(result.errors).length > 0 ? { values: {}, errors: result.errors } : { values: result.values, errors: {} };
  };
}
