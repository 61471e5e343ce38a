// A sample operator endpoint on 127.0.0.1 for trying the HTTP connector (README "HTTP endpoints"):
// checks each call's signature and answers access, erasure and "secure this account".
// Usage: npm run fulfilment:sample-endpoint -- [port] [signing key]
import { startSignedEndpoint } from "@/lib/fulfilment/http/testing/signed-endpoint";
import { sampleAnswer } from "@/lib/fulfilment/http/testing/sample-answers";

const [port = "3199", signingKey = process.env.SAMPLE_ENDPOINT_KEY ?? ""] = process.argv.slice(2);
if (signingKey.length < 32) {
  console.error("give the signing key (at least 32 characters) as the second argument, or in SAMPLE_ENDPOINT_KEY");
  process.exit(2);
}
void startSignedEndpoint(
  signingKey,
  (call) => {
    console.log(`${call.path} ${call.purpose ?? "?"} signature ${call.signature} idempotency-key ${call.idempotencyKey ?? "-"}`);
    return sampleAnswer(call);
  },
  Number(port),
).then((endpoint) => console.log(`sample endpoint on ${endpoint.url}: /access, /erase, /secure`));
