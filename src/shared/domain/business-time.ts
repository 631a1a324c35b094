import { DomainError } from './domain-error';
import { isLocalDate, LocalDate } from './value-objects';

/**
 * Business time: when something happened in the world (an activity's date, a
 * signing), as opposed to recorded time, when the store wrote it down. Both are
 * kept; a promise entered in 2026 for 2017 answers "what did it look like on
 * 30 June 2017" by business time and "what did the system know then" by
 * recorded time.
 *
 * It is written in each event's metadata (`occurredAt`), beside the command's
 * who and why, not in the event's data: it is a fact about every event alike
 * (the architecture's "who, when and why"), so audit readers find it in one
 * place whatever the event type, and the domain payloads keep their shape.
 */

/** A command's own statement of when it happened, as its decider reads it. */
export interface BusinessTimeClaim {
  /** The command's own business date and the field it came from ('date', 'adoptedOn' ...). */
  readonly date?: { readonly field: string; readonly value: LocalDate } | null;
  /** A correction cannot have happened before what it corrects: the earliest instant it may claim. */
  readonly notBefore?: { readonly instant: Date; readonly what: string } | null;
}

export interface BusinessTimeInput {
  /** The client's `occurredAt`, where it gave one. */
  readonly requested: Date | null;
  /** The server's clock when the command arrived. */
  readonly now: Date;
}

/** Clocks disagree a little; an instant this far ahead is still "now". */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** A date is a day somewhere in the world: today in Kiribati (UTC+14) is not the future. */
const DATE_AHEAD_MS = 14 * 3_600_000;

const DAY_MS = 86_400_000;

/** The first instant of a business date (UTC), the instant it stands for on the business axis. */
export const startOfDay = (date: LocalDate): Date => new Date(`${date}T00:00:00.000Z`);

const field = 'occurredAt';

/**
 * The business instant of a command: its own date where it has one (refined by
 * a requested `occurredAt` on that same day), otherwise the requested instant,
 * otherwise now. Refuses the future and, for corrections, anything before what
 * they correct. Pure: the caller passes the clock's reading in.
 */
export function resolveBusinessTime(claim: BusinessTimeClaim, { requested, now }: BusinessTimeInput): Date {
  const own = claim.date && isLocalDate(claim.date.value) ? claim.date : null;
  let at: Date;
  if (own) {
    const day = startOfDay(own.value);
    if (day.getTime() > now.getTime() + DATE_AHEAD_MS) throw inFuture(own.field, own.value, now);
    if (requested && !sameDay(requested, day)) {
      throw new DomainError('BUSINESS_TIME_CONFLICT', `${field} ${requested.toISOString()} is not on ${own.field} ${own.value}`, {
        fields: [field, own.field],
      });
    }
    at = requested ?? day;
  } else {
    at = requested ?? now;
  }
  if (requested && requested.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) throw inFuture(field, requested.toISOString(), now);
  const notBefore = claim.notBefore;
  if (notBefore && at.getTime() < notBefore.instant.getTime()) {
    throw new DomainError('BUSINESS_TIME_BEFORE_CORRECTED', `${at.toISOString()} is before ${notBefore.what}, which it corrects`, {
      fields: [own && !requested ? own.field : field],
      notBefore: notBefore.instant.toISOString(),
    });
  }
  return at;
}

const sameDay = (instant: Date, day: Date) => instant.getTime() >= day.getTime() && instant.getTime() < day.getTime() + DAY_MS;

function inFuture(name: string, value: string, now: Date): DomainError {
  return new DomainError('BUSINESS_TIME_IN_FUTURE', `${name} ${value} is in the future`, { fields: [name], now: now.toISOString() });
}

/**
 * The business-date field of each command type that has one: most commands
 * name their own date, so a table per context says which.
 */
export function ownBusinessDate<T extends string>(
  fields: Partial<Record<T, string>>,
  command: { readonly type: T; readonly data: object },
): BusinessTimeClaim['date'] {
  const name = fields[command.type];
  if (!name) return null;
  const value = (command.data as Record<string, unknown>)[name];
  return typeof value === 'string' ? { field: name, value } : null;
}
