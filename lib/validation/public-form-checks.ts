import { zodResolver } from "@hookform/resolvers/zod";
import { findRequestsSchema, requesterMessageSchema, verificationCodeSchema } from "./request-forms";

/**
 * react-hook-form's checks of the requester's small forms, each with the schema its server action
 * parses with. Loaded by the forms on first use (components/form/lazy-resolver.ts), never with the page.
 */
export const findRequestsCheck = zodResolver(findRequestsSchema);
export const verificationCodeCheck = zodResolver(verificationCodeSchema);
export const requesterMessageCheck = zodResolver(requesterMessageSchema);
