// Recognises PostgreSQL errors that domain code turns into answers: the exclusion constraint
// (someone else took the time), the per-day limit (the appointment_claim_days trigger: the day
// filled up since we read it) and unique violations (a retried request). Both driver adapters
// report the SQLSTATE as meta.driverAdapterError.cause.originalCode.
export const EXCLUSION_VIOLATION = "23P01";
export const DAY_FULL = "AS001";
export const UNIQUE_VIOLATION = "23505";

/** The database refused an appointment because its time is taken or its day is full. */
export function isSlotRefusal(error: unknown): boolean {
  const code = postgresErrorCode(error);
  return code === EXCLUSION_VIOLATION || code === DAY_FULL;
}

export function postgresErrorCode(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}
