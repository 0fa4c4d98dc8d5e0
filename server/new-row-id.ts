// Row ids for rows written with raw SQL, shaped like the cuid() ids Prisma generates for the same
// columns ("c", time, counter, fingerprint, randomness: 25 lowercase base-36 characters), so
// raw-written and Prisma-written rows look alike and sort roughly by creation time.
import { randomBytes } from "node:crypto";

const BASE = 36;
const fingerprint = pad(((process.pid % 1296) * 1296 + Math.floor(Math.random() * 1296)).toString(BASE), 4);
let counter = Math.floor(Math.random() * BASE ** 4);

function pad(text: string, width: number): string {
  return text.padStart(width, "0").slice(-width);
}

export function newRowId(): string {
  counter = (counter + 1) % BASE ** 4;
  const random = pad(BigInt(`0x${randomBytes(6).toString("hex")}`).toString(BASE), 8);
  return `c${pad(Date.now().toString(BASE), 8)}${pad(counter.toString(BASE), 4)}${fingerprint}${random}`;
}
