// Database sessions, shared by password sign-in (ours) and OAuth sign-in (Auth.js): both write a
// Session row and set the cookie Auth.js reads, so getServerSession() sees either the same way.
import { randomBytes } from "node:crypto";
import type { Db } from "../db";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Auth.js's cookie name: the __Secure- prefix applies when the app is served over https. */
export function sessionCookieName(publicUrl: string): string {
  return publicUrl.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export async function createSession(db: Db, userId: string, now: Date) {
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.session.create({ data: { sessionToken, userId, expires } });
  return { sessionToken, expires };
}

/** The cookie that carries a session, as Auth.js sets it (so getServerSession() finds it). */
export function sessionCookie(publicUrl: string, session: { sessionToken: string; expires: Date }) {
  const secure = publicUrl.startsWith("https://");
  return {
    name: sessionCookieName(publicUrl),
    value: session.sessionToken,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure, expires: session.expires },
  };
}
