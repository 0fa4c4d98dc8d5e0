// Email + password sign-in. A wrong password and an unknown email get the same error and take
// the same time (argon2 runs either way).
import { z } from "zod";
import type { Db } from "../db";
import { AppError } from "../errors";
import { dummyPasswordHash, verifyPassword } from "./password";
import { createSession } from "./sessions";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password").max(200),
});

export async function signInWithPassword(db: Db, input: z.infer<typeof signInInput>, now: Date) {
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user?.passwordHash || !ok) {
    throw new AppError("INVALID_CREDENTIALS", "That email and password don't match an account.");
  }
  return createSession(db, user.id, now);
}
