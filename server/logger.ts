// pino JSON logs. Child loggers carry request or call ids. Secrets never reach a log line: the
// redact list covers the fields where they could appear.
import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ["*.password", "*.passwordHash", "*.token", "*.apiKey", "*.authorization", "*.credentials", "*.key"],
      censor: "[redacted]",
    },
  });
}
