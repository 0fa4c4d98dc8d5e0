import { appDb } from "../app-db";
import { currentUserId } from "../auth/current-user";
import type { Context } from "./init";

export async function createContext(): Promise<Context> {
  return { db: await appDb(), userId: await currentUserId(), now: () => new Date() };
}
