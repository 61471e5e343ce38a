import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request: the options read the signing secret, which must not happen at build time.
async function handler(request: Request, context: Context) {
  const { nextauth } = await context.params;
  // next-auth's client logger endpoint writes whatever anyone posts into the server log, without
  // sign-in or limit (log forging): it is switched off.
  if (nextauth[0] === "_log") return new Response("Not found", { status: 404 });
  return NextAuth(authOptions())(request, { params: Promise.resolve({ nextauth }) });
}

export { handler as GET, handler as POST };
