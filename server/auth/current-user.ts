// The signed-in user of the current request (server components and route handlers).
import { getServerSession } from "next-auth";
import { authOptions } from "./options";

export async function currentUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: string } | undefined;
  return user?.id ?? null;
}
