import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Built per request so configuration is read at run time, not at build time.
const handler = (req: Request, ctx: RouteContext) => NextAuth(authOptions())(req, ctx);

export { handler as GET, handler as POST };
