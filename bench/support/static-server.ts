// The baseline of `bench:pages`: node:http answering each path with bytes captured from the app
// (body and content type), from memory. Usage: tsx bench/support/static-server.ts PORT FILE.json
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [port, file] = process.argv.slice(2);
const pages = new Map(
  (JSON.parse(readFileSync(file!, "utf8")) as { path: string; contentType: string; body: string }[]).map((page) => [
    page.path,
    { contentType: page.contentType, body: Buffer.from(page.body, "base64") },
  ]),
);

createServer((request, response) => {
  const page = pages.get(request.url ?? "");
  if (!page) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "Content-Type": page.contentType, "Content-Length": page.body.byteLength }).end(page.body);
}).listen(Number(port), "127.0.0.1");
