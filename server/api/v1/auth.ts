// Who may use /api/v1/businesses/{slug}/…: the business's own API keys (Authorization: Bearer),
// and anyone for reads the business made public. A key is looked up by its sha256; revoked keys
// are refused. A key used with another business's slug gets the same 404 as a slug that does not
// exist, so a key holder learns nothing about other tenants.
import type { Actor } from "../../audit";
import { parseSettingsSection } from "../../businesses/business-settings";
import { hashApiKey } from "../../businesses/create-api-key";
import type { Db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { coalescedRead } from "./coalesced-read";
import { ApiProblem } from "./problems";

/** lastUsedAt is written at most this often per key, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

/** The business `b`'s schedule version (migration 20261202010000_staff_schedule_version), as text. */
const SCHEDULE_VERSION = Prisma.sql`(SELECT COALESCE(SUM(s."scheduleVersion"), 0) FROM "StaffMember" AS s WHERE s."businessId" = b."id")::text`;

interface PublicBusinessRow {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  scheduleVersion: string;
  /** The stored setting as JSON; null when absent. */
  publicAvailability: unknown;
}

/** The key and its business, read in one statement (the request's first round trip). */
interface KeyRow {
  id: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  businessId: string;
  slug: string;
  name: string;
  timezone: string;
  scheduleVersion: string;
}

export interface BusinessAccess {
  /**
   * scheduleVersion: the sum of the staff members' appointment-change counters, read here because
   * this is every request's first statement anyway; the availability cache compares it
   * (server/scheduling/schedule-answer-cache.ts).
   */
  business: { id: string; slug: string; name: string; timezone: string; scheduleVersion: string };
  /** The key used, or null for an anonymous public read. */
  apiKeyId: string | null;
}

/**
 * "key": the request must carry a key of this business (every write, and reading bookings).
 * "public-read": availability and services, open to anyone when the business's
 * `publicAvailability` setting is on; a key, when sent, must still belong to the business.
 */
export type AccessNeed = "key" | "public-read";

export async function authorize(db: Db, request: Request, slug: string, { need, now }: { need: AccessNeed; now: Date }): Promise<BusinessAccess> {
  const header = request.headers.get("authorization");
  if (header === null) {
    if (need === "key") throw unauthenticated("This request needs the business's API key: send it as Authorization: Bearer <key>.");
    // Raw, like the key lookup below: this is every public availability read's first statement,
    // shared by concurrent requests for the same business (coalesced-read.ts). Only the one
    // setting it needs is read and validated, not the whole settings object.
    const [business] = await coalescedRead(
      db,
      `business|${slug}`,
      () => db.$queryRaw<PublicBusinessRow[]>`
        SELECT b."id", b."slug", b."name", b."timezone", ${SCHEDULE_VERSION} AS "scheduleVersion", b."settings" -> 'publicAvailability' AS "publicAvailability"
        FROM "Business" AS b WHERE b."slug" = ${slug}`,
    );
    if (!business) throw noSuchBusiness(slug);
    if (!parseSettingsSection("publicAvailability", business.publicAvailability ?? undefined)) {
      throw unauthenticated("This business shares its availability only with an API key: send it as Authorization: Bearer <key>.");
    }
    return { business: pickBusiness(business), apiKeyId: null };
  }

  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!match) throw unauthenticated("Send the API key as Authorization: Bearer <key>.");
  // One joined statement where Prisma's model API sends two (key, then its business), shared by
  // concurrent requests with the same key. Raw SQL, so the columns are typed by hand (KeyRow);
  // tests/api runs it on PGlite and PostgreSQL.
  const hash = hashApiKey(match[1]!);
  const [key] = await coalescedRead(
    db,
    `key|${hash}`,
    () => db.$queryRaw<KeyRow[]>`
      SELECT k."id", k."revokedAt", k."lastUsedAt", b."id" AS "businessId", b."slug", b."name", b."timezone", ${SCHEDULE_VERSION} AS "scheduleVersion"
      FROM "ApiKey" AS k JOIN "Business" AS b ON b."id" = k."businessId"
      WHERE k."hash" = ${hash}`,
  );
  if (!key || key.revokedAt) {
    throw unauthenticated("This API key is not valid or has been revoked. Ask the business owner for a current key.", 'error="invalid_token"');
  }
  // Comparing after the fetch is safe here: the answer is the same 404 whether the slug names
  // another business or none, and the key's own business is no secret to its holder.
  if (key.slug !== slug) throw noSuchBusiness(slug);

  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    // Conditional, so concurrent first requests write once between them.
    await db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - TOUCH_INTERVAL_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    business: { id: key.businessId, slug: key.slug, name: key.name, timezone: key.timezone, scheduleVersion: key.scheduleVersion },
    apiKeyId: key.id,
  };
}

/** The actor recorded in the audit log for writes made with an API key. */
export function apiActor(access: BusinessAccess): Actor {
  return { type: "api", id: access.apiKeyId, channel: "api" };
}

function pickBusiness(b: BusinessAccess["business"]): BusinessAccess["business"] {
  return { id: b.id, slug: b.slug, name: b.name, timezone: b.timezone, scheduleVersion: b.scheduleVersion };
}

function unauthenticated(detail: string, challenge?: string): ApiProblem {
  return new ApiProblem("unauthenticated", detail, { headers: { "www-authenticate": `Bearer realm="api"${challenge ? `, ${challenge}` : ""}` } });
}

function noSuchBusiness(slug: string): ApiProblem {
  return new ApiProblem("not-found", `No business "${slug}" is available here. Check the slug, and that the API key belongs to that business.`);
}
