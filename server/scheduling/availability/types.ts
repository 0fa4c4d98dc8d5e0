// The plain-data shapes the pure slot engine reads and returns.
// Instants are epoch milliseconds (numbers, not Dates) so the hot loops do arithmetic without
// allocating. Opening rules are local wall-clock minutes after local midnight, and local dates are
// "YYYY-MM-DD" strings, both in the business time zone; only the engine turns them into instants.

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type EpochMs = number;

/** A calendar date in the business time zone, "YYYY-MM-DD". */
export type LocalDate = string;

/** 0 = Sunday … 6 = Saturday, as in `Date#getDay()`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Local wall-clock minutes [startMinute, endMinute) after local midnight; 0 ≤ start < end ≤ 1440.
 * Overnight hours are two ranges on consecutive days (…–1440 and 0–…); they merge at midnight.
 */
export interface MinuteRange {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** One opening range on a weekday. Several per day are allowed; a break is simply the gap between them. */
export interface WeeklyHoursRange extends MinuteRange {
  readonly weekday: Weekday;
}

/**
 * Hours for one local date that replace that day's weekly hours.
 * `ranges: []` means closed all day. Several entries for the same date are combined (union).
 */
export interface DateOverride {
  readonly date: LocalDate;
  readonly ranges: readonly MinuteRange[];
}

export interface StaffSchedule {
  readonly id: string;
  readonly weeklyHours: readonly WeeklyHoursRange[];
  readonly dateOverrides?: readonly DateOverride[];
  /** Services this person performs; staff who do not perform the requested service get no slots. */
  readonly serviceIds: readonly string[];
}

/**
 * Business-level limits applied on top of every staff member's own hours.
 * When `weeklyHours` is given, a staff member is bookable only inside it (intersection); when it is
 * absent or null, staff hours stand alone. `dateOverrides` replace the business hours of a date
 * (still intersected with staff hours) and `closures` remove the whole date for everyone.
 */
export interface BusinessHours {
  readonly weeklyHours?: readonly WeeklyHoursRange[] | null;
  readonly dateOverrides?: readonly DateOverride[];
  readonly closures?: readonly LocalDate[];
}

/**
 * An active (not cancelled) appointment. Callers pass only active ones: every appointment given
 * blocks time. Buffers are those of the appointment's own service, in minutes.
 */
export interface ExistingAppointment {
  readonly staffId: string;
  readonly serviceId: string;
  readonly startMs: EpochMs;
  readonly endMs: EpochMs;
  readonly bufferBeforeMinutes: number;
  readonly bufferAfterMinutes: number;
  /** When the booking was made; only used to break ties when picking staff fairly. */
  readonly bookedAtMs?: EpochMs;
}

/** Busy time imported from a staff member's external calendar. */
export interface ExternalBusyBlock {
  readonly staffId: string;
  readonly startMs: EpochMs;
  readonly endMs: EpochMs;
}

export interface ServiceRules {
  readonly id: string;
  readonly durationMinutes: number;
  readonly bufferBeforeMinutes: number;
  readonly bufferAfterMinutes: number;
  /** Distance between offered starts; null means the duration. */
  readonly slotIntervalMinutes: number | null;
  /** No slot starts earlier than now + this. */
  readonly minNoticeMinutes: number;
  /**
   * Slots may start up to the end of the local day `bookingHorizonDays` days after today
   * (0 = today only). Counted in local calendar days so the last bookable day is whole.
   */
  readonly bookingHorizonDays: number;
  /**
   * At most this many appointments of THIS service per staff member per local day (by start).
   * Existing appointments of other services do not count; null means no limit.
   */
  readonly maxPerDay: number | null;
}

export interface SlotRequest {
  /** Slots whose start lies in [fromMs, toMs) are returned; a slot may end after toMs. */
  readonly fromMs: EpochMs;
  readonly toMs: EpochMs;
  /** One staff member's slots; absent means "anyone" who performs the service. */
  readonly staffId?: string;
  /** The caller's clock. The engine never reads the system time. */
  readonly nowMs: EpochMs;
}

export interface SlotQuery {
  /** IANA time zone of the business, e.g. "America/New_York". */
  readonly timeZone: string;
  readonly staff: readonly StaffSchedule[];
  readonly business?: BusinessHours;
  readonly appointments: readonly ExistingAppointment[];
  readonly busyBlocks: readonly ExternalBusyBlock[];
  readonly service: ServiceRules;
  readonly request: SlotRequest;
}

export interface BookableSlot {
  readonly startMs: EpochMs;
  readonly endMs: EpochMs;
  /** Everyone free for this slot, in the order of `SlotQuery.staff`. */
  readonly staffIds: string[];
}
