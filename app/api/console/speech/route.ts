// GET /api/console/speech?businessId=…&sessionId=…&turnId=t3: one reply of a test-console
// conversation as audio/wav, so the page can hand an <audio> element a URL. A thin edge over the
// console.speech procedure, whose businessProcedure does the sign-in and tenancy checks.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const input = { businessId: params.get("businessId") ?? "", sessionId: params.get("sessionId") ?? "", turnId: params.get("turnId") ?? "" };
  try {
    const api = createCaller(await createContext(), { signal: request.signal });
    const { mimeType, audioBase64 } = await api.console.speech(input);
    const audio = Buffer.from(audioBase64, "base64");
    return new Response(audio, {
      headers: { "content-type": mimeType, "content-length": String(audio.length), "cache-control": "private, max-age=3600" },
    });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    // A provider failure is not the browser's fault: 502, and the page offers to try again.
    const status = error.code === "INTERNAL_SERVER_ERROR" ? 502 : getHTTPStatusCodeFromError(error);
    const message = status === 502 ? "The voice could not speak this reply just now. Try again." : error.message;
    return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
  }
}
