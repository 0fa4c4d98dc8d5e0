-- Schedule version: a counter per staff member that every committed change to that person's
-- appointments raises, in the same transaction. A business's schedule version is the sum of its
-- staff members' counters (read with the business: server/api/v1/auth.ts). A cached availability
-- answer remembers the version it was computed at and is served only while the business still has
-- it, so it is never older than the last committed booking, cancellation or move, whichever
-- process or connection made it (server/scheduling/schedule-answer-cache.ts).
--
-- Per staff member, not per business: with one counter per business every booking's commit queued
-- on the Business row (under the booking benchmark most PostgreSQL backends waited on it, and
-- serialized commits could not share WAL flushes); now bookings of different people never wait for
-- each other. Counters only rise (wrapping at 2^31 - 1), and a staff member with a raised counter
-- has appointments and so cannot be deleted, so the sum changes with every change.
--
-- A trigger rather than application code, so no writer (booking, waitlist holds, the expiry
-- sweep, seeding, a hand-written UPDATE) can forget it. DEFERRABLE INITIALLY DEFERRED, so the
-- counter's row is locked only while the transaction commits, not from its first appointment write.

-- AlterTable
ALTER TABLE "StaffMember" ADD COLUMN "scheduleVersion" INTEGER NOT NULL DEFAULT 0;

-- A move to another person raises both people's counters.
CREATE FUNCTION "bump_schedule_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE "StaffMember" SET "scheduleVersion" = ("scheduleVersion" + 1) % 2147483647 WHERE "id" = OLD."staffId";
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."staffId" IS DISTINCT FROM OLD."staffId") THEN
        UPDATE "StaffMember" SET "scheduleVersion" = ("scheduleVersion" + 1) % 2147483647 WHERE "id" = NEW."staffId";
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "Appointment_bump_schedule_version"
    AFTER INSERT OR UPDATE OR DELETE ON "Appointment"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "bump_schedule_version"();
