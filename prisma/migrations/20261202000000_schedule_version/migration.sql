-- Schedule version: a per-business counter that every committed change to the business's
-- appointments raises, in the same transaction. A cached availability answer remembers the
-- version it was computed at and is served only while the business still has that version, so
-- it is never older than the last committed booking, cancellation or move, whichever process or
-- connection made it (server/scheduling/schedule-answer-cache.ts).
--
-- A trigger rather than application code, so no writer (booking, waitlist holds, the expiry
-- sweep, seeding, a hand-written UPDATE) can forget it. DEFERRABLE INITIALLY DEFERRED, so the
-- Business row is locked only while the transaction commits, not from its first appointment
-- write on: concurrent bookings of one business queue on that row for the commit alone.

-- AlterTable
ALTER TABLE "Business" ADD COLUMN "scheduleVersion" INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION "bump_schedule_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Wraps rather than overflows: a cached answer lives a second, far less than 2^31 changes.
    UPDATE "Business" SET "scheduleVersion" = ("scheduleVersion" + 1) % 2147483647
    WHERE "id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."businessId" ELSE NEW."businessId" END;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "Appointment_bump_schedule_version"
    AFTER INSERT OR UPDATE OR DELETE ON "Appointment"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "bump_schedule_version"();
