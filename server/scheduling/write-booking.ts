// The write half of a booking, as one SQL statement: find or create the customer (filling in a
// name or email not yet known), insert the appointment and its audit row. One statement is one
// transaction, so all three are written or none is, and the exclusion constraint (overlapping
// appointments of one staff member) and the idempotency key's unique index still refuse it as a
// whole. Prisma's model API sends these as five statements (BEGIN, three inserts, COMMIT), each
// with its own round trip and query-compiler work: most of a booking's cost under load.
import type { Actor } from "../audit";
import type { CustomerDetails, CustomerView } from "../customers/find-or-create-customer";
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { newRowId } from "../new-row-id";

export interface BookingRow {
  id: string;
  businessId: string;
  serviceId: string;
  staffId: string;
  startsAt: Date;
  endsAt: Date;
  blockedFrom: Date;
  blockedUntil: Date;
  notes?: string;
  idempotencyKey?: string;
}

interface WrittenRow {
  customerId: string;
  name: string | null;
  phone: string;
  email: string | null;
  createdAt: Date;
}

/**
 * Writes the booking; `auditAfter` is the appointment as the audit log should show it, less what
 * only the database knows (createdAt, and the customer as it stands after the upsert).
 * Returns the customer and the row's createdAt.
 */
export async function writeBooking(
  db: Db | Tx,
  booking: BookingRow,
  customer: { id: string } | CustomerDetails,
  actor: Actor,
  auditAfter: Record<string, unknown>,
): Promise<{ customer: CustomerView; createdAt: Date }> {
  // A first booking racing another first booking from the same new number finds no customer
  // (its snapshot predates the other's insert) and inserts nothing (ON CONFLICT DO NOTHING),
  // so it writes nothing at all; the second try reads the customer the other one committed.
  for (let attempt = 0; attempt < 2; attempt++) {
    const [row] = await db.$queryRaw<WrittenRow[]>(statement(booking, customer, actor, auditAfter));
    if (row) return { customer: { id: row.customerId, name: row.name, phone: row.phone, email: row.email }, createdAt: row.createdAt };
    if ("id" in customer) throw new AppError("NOT_FOUND", "No such customer.");
  }
  throw new Error("The customer could be neither found nor created; try the booking again.");
}

function statement(b: BookingRow, customer: { id: string } | CustomerDetails, actor: Actor, after: Record<string, unknown>): Prisma.Sql {
  return Prisma.sql`
    WITH ${"id" in customer ? existingCustomer(b.businessId, customer.id) : upsertedCustomer(b.businessId, customer)},
    appointment AS (
      INSERT INTO "Appointment" ("id", "businessId", "serviceId", "staffId", "customerId", "startsAt", "endsAt", "blockedFrom", "blockedUntil", "status", "channel", "notes", "idempotencyKey", "updatedAt")
      SELECT ${b.id}, ${b.businessId}, ${b.serviceId}, ${b.staffId}, customer."id", ${b.startsAt}::timestamptz, ${b.endsAt}::timestamptz,
        ${b.blockedFrom}::timestamptz, ${b.blockedUntil}::timestamptz, 'booked', ${actor.channel}::"Channel", ${b.notes ?? null}::text,
        ${b.idempotencyKey ?? null}::text, CURRENT_TIMESTAMP
      FROM customer
      RETURNING "createdAt"
    ),
    audit AS (
      INSERT INTO "AuditLog" ("id", "businessId", "actorType", "actorId", "channel", "action", "entityType", "entityId", "after")
      SELECT ${newRowId()}, ${b.businessId}, ${actor.type}::"ActorType", ${actor.id ?? null}::text, ${actor.channel}::"Channel",
        'appointment.book', 'Appointment', ${b.id},
        ${JSON.stringify(after)}::jsonb || jsonb_build_object(
          'createdAt', to_char(appointment."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'customer', jsonb_build_object('id', customer."id", 'name', customer."name", 'phone', customer."phone", 'email', customer."email"))
      FROM appointment, customer
    )
    SELECT customer."id" AS "customerId", customer."name", customer."phone", customer."email", appointment."createdAt"
    FROM appointment, customer`;
}

function existingCustomer(businessId: string, customerId: string): Prisma.Sql {
  return Prisma.sql`customer AS (
      SELECT "id", "name", "phone", "email" FROM "Customer" WHERE "id" = ${customerId} AND "businessId" = ${businessId}
    )`;
}

/** As findOrCreateCustomer: by phone, created on first contact, name and email filled in only where unknown. */
function upsertedCustomer(businessId: string, d: CustomerDetails): Prisma.Sql {
  const name = d.name ?? null;
  const email = d.email ?? null;
  return Prisma.sql`found AS (
      SELECT "id", "name", "phone", "email" FROM "Customer" WHERE "businessId" = ${businessId} AND "phone" = ${d.phone}
    ),
    inserted AS (
      INSERT INTO "Customer" ("id", "businessId", "phone", "name", "email", "updatedAt")
      SELECT ${newRowId()}, ${businessId}, ${d.phone}, ${name}::text, ${email}::text, CURRENT_TIMESTAMP
      WHERE NOT EXISTS (SELECT FROM found)
      ON CONFLICT ("businessId", "phone") DO NOTHING
      RETURNING "id", "name", "phone", "email"
    ),
    filled AS (
      UPDATE "Customer" AS c
      SET "name" = COALESCE(c."name", ${name}::text), "email" = COALESCE(c."email", ${email}::text), "updatedAt" = CURRENT_TIMESTAMP
      FROM found
      WHERE c."id" = found."id" AND ((c."name" IS NULL AND ${name}::text IS NOT NULL) OR (c."email" IS NULL AND ${email}::text IS NOT NULL))
      RETURNING c."id", c."name", c."phone", c."email"
    ),
    customer AS (
      SELECT * FROM inserted
      UNION ALL SELECT * FROM filled
      UNION ALL SELECT * FROM found WHERE NOT EXISTS (SELECT FROM filled)
    )`;
}
