// The plumbing every /api/v1 handler shares: route definitions with typed path parameters, JSON
// bodies read with a size limit, query strings parsed strictly, and JSON responses. Each route is
// a plain function (db, request, { now }) → Response, so tests and benchmarks call it directly and
// the Next.js route files only adapt it.
import type { z } from "zod";
import type { Db } from "../../db";
import { createLogger } from "../../logger";
import { ApiProblem, fieldError, invalidField, WHOLE_BODY, plainZodMessages, problemResponse, toProblem, zodProblem, type FieldLocation } from "./problems";

/** Larger than any valid request (a booking with 2,000 characters of notes is ~3 KiB). */
export const MAX_BODY_BYTES = 16 * 1024;

export interface ApiContext {
  now: Date;
  /** Receives unexpected (5xx) errors; defaults to a pino logger at level error. */
  log?: { error: (object: object, message: string) => void };
}

export type ApiHandler = ((db: Db, request: Request, context: ApiContext) => Promise<Response>) & {
  method: "GET" | "POST";
  path: string;
};

type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;

export interface RouteArgs<Path extends string> {
  db: Db;
  request: Request;
  now: Date;
  params: Record<ParamNames<Path>, string>;
  url: URL;
}

let fallbackLog: ApiContext["log"] | undefined;

/**
 * Defines a route: `path` uses {name} placeholders. The returned handler matches the request's
 * path against it (so the route files cannot pass the wrong parameters), and turns anything the
 * implementation throws into problem+json through the one mapping in problems.ts.
 */
export function apiRoute<Path extends string>(
  method: "GET" | "POST",
  path: Path,
  impl: (args: RouteArgs<Path>) => Promise<Response>,
): ApiHandler {
  const { pattern, names } = pathPattern(path);
  const handler = async (db: Db, request: Request, context: ApiContext): Promise<Response> => {
    const url = new URL(request.url);
    try {
      const match = pattern.exec(url.pathname);
      if (!match) throw new ApiProblem("not-found", `Nothing is served at ${url.pathname}.`);
      const params = Object.fromEntries(names.map((name, i) => [name, decodeSegment(match[i + 1]!)])) as Record<ParamNames<Path>, string>;
      return await impl({ db, request, now: context.now, params, url });
    } catch (error) {
      const outcome = toProblem(error, { instance: url.pathname });
      if (outcome.unexpected !== undefined) {
        const log = context.log ?? (fallbackLog ??= createLogger("error", "api-v1"));
        log.error({ err: outcome.unexpected, method: request.method, path: url.pathname }, "api request failed");
      }
      return problemResponse(outcome);
    }
  };
  return Object.assign(handler, { method, path });
}

/** A route path with {name} placeholders as a regular expression capturing each segment. */
export function pathPattern(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { pattern: new RegExp(`^${source}/?$`), names };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiProblem("not-found", "That address is not valid: check its percent-encoding.");
  }
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return jsonText(JSON.stringify(body), init);
}

/** As json(), for a body serialized already (a cached answer). */
export function jsonText(text: string, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(text, {
    status: init.status ?? 200,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...init.headers },
  });
}

/** Validates with zod, reporting failures as invalid-request naming each field at `where`. */
export function parseWith<Schema extends z.ZodType>(schema: Schema, value: unknown, where: FieldLocation): z.output<Schema> {
  const result = schema.safeParse(value, { error: plainZodMessages });
  if (result.success) return result.data;
  throw zodProblem(result.error, where);
}

/** Query parameters as an object; a parameter given twice is refused rather than guessed. */
export function queryObject(url: URL): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key in result) throw invalidField(key, "query", `Give ${key} once.`);
    result[key] = value;
  }
  return result;
}

/**
 * Reads a JSON body of at most MAX_BODY_BYTES. The Content-Length header is checked first, and
 * the stream is counted while reading too, since a client may send no length or a false one.
 * `optional`: an empty body reads as {}.
 */
export async function readJsonBody(request: Request, { optional = false } = {}): Promise<unknown> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge();

  const bytes = await readLimited(request);
  if (bytes.byteLength === 0) {
    if (optional) return {};
    throw new ApiProblem("invalid-request", "Send the request as a JSON object in the body.", { errors: [fieldError(WHOLE_BODY, "body", "The body is empty.")] });
  }
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(mediaType)) {
    throw new ApiProblem(
      "unsupported-media-type",
      `Send the body as JSON with Content-Type: application/json${mediaType ? ` (this request said ${mediaType})` : ""}.`,
      { headers: { "accept-post": "application/json" } },
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiProblem("malformed-json", "The body is not valid UTF-8 text. Send JSON encoded as UTF-8.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiProblem("malformed-json", `The body is not valid JSON: ${(error as Error).message}.`);
  }
}

async function readLimited(request: Request): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(): ApiProblem {
  return new ApiProblem("payload-too-large", `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KiB. Send only the documented fields.`);
}
