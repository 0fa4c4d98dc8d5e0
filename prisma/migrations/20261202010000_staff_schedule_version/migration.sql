-- The schedule version moves from the business to each staff member. With one counter per
-- business (20261202000000_schedule_version), every commit of a booking queued on the Business row:
-- under the booking benchmark most PostgreSQL backends sat in "Lock: transactionid" waiting for it,
-- and serialized commits could not share WAL flushes. Now an appointment change raises the counter
-- of its staff member only, so concurrent bookings of different people never wait for each other;
-- a business's schedule version is the sum of its staff members' counters (read with the business:
-- server/api/v1/auth.ts). Counters only rise (wrapping at 2^31 - 1), and a staff member with a
-- raised counter has appointments and so cannot be deleted, so the sum changes with every change.

-- AlterTable
ALTER TABLE "StaffMember" ADD COLUMN "scheduleVersion" INTEGER NOT NULL DEFAULT 0;

-- The trigger (deferred to commit, on every row change of "Appointment") keeps its name and now
-- raises the staff member's counter; a move to another person raises both people's.
CREATE OR REPLACE FUNCTION "bump_schedule_version"() RETURNS trigger LANGUAGE plpgsql AS $$
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

-- AlterTable
ALTER TABLE "Business" DROP COLUMN "scheduleVersion";
