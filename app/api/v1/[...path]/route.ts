// Anything else under /api/v1: a problem+json 404 (or 405 naming the allowed methods) instead of
// Next.js's HTML page, so API clients always get the documented error shape.
import { nextRoute } from "@/server/api/v1/next-route";
import { notServed } from "@/server/api/v1/routes";

export const dynamic = "force-dynamic";
const handler = nextRoute(notServed);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
