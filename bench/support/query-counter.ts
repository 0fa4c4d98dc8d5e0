// Counts the SQL statements this process sends to PostgreSQL (every pg client, pooled or not,
// including BEGIN/COMMIT) while `fn` runs alone, and optionally records their text: where a
// request's round trips go.
import pg from "pg";

type Query = (...args: unknown[]) => unknown;
const proto = pg.Client.prototype as unknown as { query: Query };
const original = proto.query;
let recorder: ((sql: string) => void) | null = null;

proto.query = function (this: unknown, ...args: unknown[]) {
  if (recorder) {
    const first = args[0];
    recorder(typeof first === "string" ? first : ((first as { text?: string } | null)?.text ?? "?"));
  }
  return original.apply(this, args);
};

export async function countQueries(fn: () => Promise<unknown>): Promise<number> {
  return (await recordQueries(fn)).length;
}

export async function recordQueries(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  recorder = (sql) => seen.push(sql);
  try {
    await fn();
  } finally {
    recorder = null;
  }
  return seen;
}
