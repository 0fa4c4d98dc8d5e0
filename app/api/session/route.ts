// Email + password sign-in: POST { email, password } → a database session and Auth.js's cookie.
import { NextResponse } from "next/server";
import { appDb } from "@/server/app-db";
import { sessionCookieName } from "@/server/auth/sessions";
import { signInInput, signInWithPassword } from "@/server/auth/sign-in-with-password";
import { env } from "@/server/env";
import { AppError, httpStatusFor } from "@/server/errors";

export async function POST(req: Request) {
  const body: unknown = await req.json().catch(() => null);
  const input = signInInput.safeParse(body);
  if (!input.success) {
    return NextResponse.json({ error: input.error.issues[0]?.message ?? "Invalid sign-in form" }, { status: 400 });
  }
  try {
    const { sessionToken, expires } = await signInWithPassword(await appDb(), input.data, new Date());
    const publicUrl = env().PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? "http://localhost";
    const res = NextResponse.json({ ok: true });
    res.cookies.set(sessionCookieName(publicUrl), sessionToken, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: publicUrl.startsWith("https://"),
      expires,
    });
    return res;
  } catch (error) {
    if (error instanceof AppError) {
      return NextResponse.json({ error: error.message }, { status: httpStatusFor[error.code] });
    }
    throw error;
  }
}
