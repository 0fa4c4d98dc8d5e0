// A domain error about one form field. The tRPC edge (server/trpc/routers/settings.ts) turns
// `data.field` into an issue on that path, so the form shows the message next to the field.
import { AppError, type AppErrorCode } from "../errors";

export interface FieldErrorData {
  field: string;
}

export function fieldError(code: AppErrorCode, field: string, message: string): AppError<FieldErrorData> {
  return new AppError(code, message, { field });
}

export function fieldOf(error: AppError): string | undefined {
  const data = error.data as Partial<FieldErrorData> | undefined;
  return typeof data?.field === "string" ? data.field : undefined;
}
