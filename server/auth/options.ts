// Auth.js (next-auth) configuration: database sessions; Google sign-in when configured.
// Email + password sign-in is ours (app/api/session), because Auth.js's Credentials provider
// only issues JWT sessions; it writes the same Session rows and cookie.
import type { NextAuthOptions } from "next-auth";
import GoogleProvider from "next-auth/providers/google";
import { appDb } from "../app-db";
import { env } from "../env";
import { prismaAuthAdapter } from "./adapter";
import { SESSION_MAX_AGE_SECONDS } from "./sessions";

export function authOptions(): NextAuthOptions {
  const config = env();
  return {
    adapter: prismaAuthAdapter(appDb),
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers:
      config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET
        ? [GoogleProvider({ clientId: config.GOOGLE_CLIENT_ID, clientSecret: config.GOOGLE_CLIENT_SECRET })]
        : [],
    callbacks: {
      session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
  };
}
