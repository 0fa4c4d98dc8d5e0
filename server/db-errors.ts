// Recognises PostgreSQL errors that domain code turns into answers: the exclusion constraint
// (someone else took the time) and unique violations (a retried request). Both driver adapters
// report the SQLSTATE as meta.driverAdapterError.cause.originalCode.
export const EXCLUSION_VIOLATION = "23P01";
export const UNIQUE_VIOLATION = "23505";

export function postgresErrorCode(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}
