-- Appointment writes take a lock per staff member and local day before the row reaches the
-- exclusion constraint, and the per-day limit (Service.maxPerDay) is checked under that lock.
--
-- Why a lock: the exclusion constraint inserts the new row into its GiST index first and only then
-- looks for conflicting rows. Two transactions inserting conflicting rows at the same moment can
-- each find the other's uncommitted row and wait for the other to finish: a deadlock, which
-- PostgreSQL breaks only after deadlock_timeout (1 s) by aborting one of them (SQLSTATE 40P01).
-- With 200 callers racing for one slot that happened about once a second (the contention
-- benchmark failed on it). Holding this lock, a second writer of the same person and day waits for
-- the first to commit or roll back, then meets a committed row and gets a plain exclusion
-- violation (23P01) at once. Overlapping blocked ranges share at least one local day, so two
-- writes that could conflict always contend for at least one common lock; days are taken in
-- ascending order, so the locks themselves cannot deadlock. Bookings of other people or other
-- days never wait for each other. The lock is released when the transaction ends.
--
-- Why the limit is here: the application checks maxPerDay on the appointments it read, so two
-- bookings at different times on one day could both pass and exceed it. Under the lock, this
-- function's count (a fresh snapshot: each query in a VOLATILE function takes one under READ
-- COMMITTED) sees every committed appointment of that person and day. A full day is refused with
-- SQLSTATE AS001 (server/db-errors.ts), which the booking commands treat like a taken slot.
--
-- Locks are keyed (hashtext(staffId), local day number) in the two-int advisory lock space, apart
-- from the migration runner's single-bigint lock. A hash collision only makes two people's
-- writes wait for each other.

CREATE FUNCTION "appointment_claim_days"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    zone text;
    max_per_day integer;
    first_day date;
    last_day date;
    start_day timestamp;
    same_day integer;
BEGIN
    SELECT b."timezone", s."maxPerDay" INTO zone, max_per_day
    FROM "Service" s JOIN "Business" b ON b."id" = s."businessId"
    WHERE s."id" = NEW."serviceId";
    IF zone IS NULL THEN
        RETURN NEW; -- no such service: the foreign key refuses the row
    END IF;
    -- blockedUntil is exclusive: a range ending at midnight does not touch the next day.
    first_day := (NEW."blockedFrom" AT TIME ZONE zone)::date;
    last_day := ((NEW."blockedUntil" - interval '1 microsecond') AT TIME ZONE zone)::date;
    FOR day IN 0 .. GREATEST(last_day - first_day, 0) LOOP
        PERFORM pg_advisory_xact_lock(hashtext(NEW."staffId"), (first_day + day) - date '2000-01-01');
    END LOOP;

    IF max_per_day IS NOT NULL THEN
        -- The engine's rule (availability/daily-limits.ts): active appointments of this service
        -- and person starting on the same local day.
        start_day := date_trunc('day', NEW."startsAt" AT TIME ZONE zone);
        SELECT count(*) INTO same_day FROM "Appointment"
        WHERE "staffId" = NEW."staffId" AND "serviceId" = NEW."serviceId" AND "id" <> NEW."id"
          AND "status" IN ('held', 'booked', 'completed')
          AND "startsAt" >= (start_day AT TIME ZONE zone)
          AND "startsAt" < ((start_day + interval '1 day') AT TIME ZONE zone);
        IF same_day >= max_per_day THEN
            RAISE EXCEPTION 'This service is fully booked for this staff member on %.', start_day::date
                USING ERRCODE = 'AS001';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER "Appointment_claim_days_insert"
    BEFORE INSERT ON "Appointment"
    FOR EACH ROW
    WHEN (NEW."status" IN ('held', 'booked', 'completed'))
    EXECUTE FUNCTION "appointment_claim_days"();

-- An update claims days only when it makes a row active, or moves an active one.
CREATE TRIGGER "Appointment_claim_days_update"
    BEFORE UPDATE ON "Appointment"
    FOR EACH ROW
    WHEN (NEW."status" IN ('held', 'booked', 'completed') AND (
        OLD."status" NOT IN ('held', 'booked', 'completed')
        OR NEW."staffId" IS DISTINCT FROM OLD."staffId"
        OR NEW."serviceId" IS DISTINCT FROM OLD."serviceId"
        OR NEW."blockedFrom" IS DISTINCT FROM OLD."blockedFrom"
        OR NEW."blockedUntil" IS DISTINCT FROM OLD."blockedUntil"))
    EXECUTE FUNCTION "appointment_claim_days"();
