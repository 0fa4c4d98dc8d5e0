// Auth.js adapter over our Prisma client: the database-session and OAuth-account half of
// sign-in. Password sign-in writes the same Session rows through server/auth/sessions.ts.
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import type { Db } from "../db";

const userSelect = { id: true, email: true, emailVerified: true, name: true, image: true } as const;

export function prismaAuthAdapter(getDb: () => Promise<Db>): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      const db = await getDb();
      return db.user.create({
        data: { email: user.email.toLowerCase(), name: user.name, image: user.image, emailVerified: user.emailVerified },
        select: userSelect,
      });
    },
    async getUser(id) {
      return (await getDb()).user.findUnique({ where: { id }, select: userSelect });
    },
    async getUserByEmail(email) {
      return (await getDb()).user.findUnique({ where: { email: email.toLowerCase() }, select: userSelect });
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await (await getDb()).account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select: userSelect } },
      });
      return account?.user ?? null;
    },
    async updateUser({ id, ...data }) {
      return (await getDb()).user.update({
        where: { id },
        data: { name: data.name, image: data.image, emailVerified: data.emailVerified },
        select: userSelect,
      });
    },
    async deleteUser(id) {
      await (await getDb()).user.delete({ where: { id } });
    },
    async linkAccount(account: AdapterAccount) {
      await (await getDb()).account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refresh_token: account.refresh_token,
          access_token: account.access_token,
          expires_at: account.expires_at,
          token_type: account.token_type,
          scope: account.scope,
          id_token: account.id_token,
          session_state: typeof account.session_state === "string" ? account.session_state : null,
        },
      });
    },
    async unlinkAccount({ provider, providerAccountId }: Pick<AdapterAccount, "provider" | "providerAccountId">) {
      await (await getDb()).account.delete({
        where: { provider_providerAccountId: { provider, providerAccountId } },
      });
    },
    async createSession(session) {
      return (await getDb()).session.create({
        data: session,
        select: { sessionToken: true, userId: true, expires: true },
      });
    },
    async getSessionAndUser(sessionToken) {
      const row = await (await getDb()).session.findUnique({
        where: { sessionToken },
        select: { sessionToken: true, userId: true, expires: true, user: { select: userSelect } },
      });
      if (!row) return null;
      const { user, ...session } = row;
      return { session, user: user as AdapterUser };
    },
    async updateSession({ sessionToken, ...data }) {
      return (await getDb()).session.update({
        where: { sessionToken },
        data,
        select: { sessionToken: true, userId: true, expires: true },
      }) as Promise<AdapterSession>;
    },
    async deleteSession(sessionToken) {
      await (await getDb()).session.deleteMany({ where: { sessionToken } });
    },
    async createVerificationToken(token) {
      return (await getDb()).verificationToken.create({ data: token });
    },
    async useVerificationToken({ identifier, token }) {
      const db = await getDb();
      const found = await db.verificationToken.findUnique({ where: { identifier_token: { identifier, token } } });
      if (!found) return null;
      await db.verificationToken.delete({ where: { identifier_token: { identifier, token } } });
      return found;
    },
  };
}
