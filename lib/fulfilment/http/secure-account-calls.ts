import type { Tx } from "@/db/client";
import type { Request } from "@/db/schema";
import { log } from "@/lib/log";
import { DataMapError, loadDataMap } from "../map/load-data-map";
import { httpSourcesFor } from "../map/map-schema";
import { fulfilmentKey } from "../secrets/fulfilment-key";
import { secureAccountBody } from "./call-bodies";
import { enqueueHttpCall } from "./enqueue-http-call";

/**
 * On a verified credential-misuse report: queue "secure this account" to every endpoint the map
 * declares for it, first in the worker's queue (priority 0), so it is sent within seconds. In the
 * verification's transaction, so it happens if and only if the report is verified. A broken map
 * or a missing key never stops the verification itself: it is logged and the report is handled
 * by hand as before.
 */
export async function queueSecureAccountCalls(tx: Tx, request: Request, now: Date): Promise<number> {
  if (request.type !== "credential_misuse") return 0;
  let endpoints;
  try {
    const loaded = await loadDataMap();
    endpoints = loaded ? httpSourcesFor(loaded.map, "secure_account") : [];
  } catch (error) {
    if (!(error instanceof DataMapError)) throw error;
    log.error("the data map is invalid: no 'secure this account' call for a credential-misuse report", { requestId: request.id });
    return 0;
  }
  if (endpoints.length === 0) return 0;
  const key = fulfilmentKey();
  if (!key) {
    log.error("FULFILMENT_ENCRYPTION_KEY is not set: no 'secure this account' call for a credential-misuse report", { requestId: request.id });
    return 0;
  }
  for (const source of endpoints) {
    await enqueueHttpCall(tx, { requestId: request.id, runId: null, sourceId: source.id, purpose: "secure_account", body: secureAccountBody(request), key, now });
  }
  return endpoints.length;
}
