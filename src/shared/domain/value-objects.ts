import { DomainError } from './domain-error';

/**
 * A calendar date without time or zone, 'YYYY-MM-DD'. A plain string so event
 * payloads stay JSON, and ISO dates of equal length compare correctly as strings.
 * Business dates in Sweden are local dates; a timestamp would invite time-zone bugs.
 */
export type LocalDate = string;

/** A closed date range, both ends included (a promise period: '2017-01-01'..'2017-12-31'). */
export type Period = { from: LocalDate; to: LocalDate };

/** A range that may be open-ended: `to: null` is "tills vidare" (until further notice). */
export type OpenPeriod = { from: LocalDate; to: LocalDate | null };

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** True for a real calendar date in 'YYYY-MM-DD' form ('2017-02-29' is not one). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The following calendar day; pure arithmetic, no Date (and so no time zone). */
export function nextDay(date: LocalDate): LocalDate {
  if (!isLocalDate(date)) throw new RangeError(`Not a LocalDate: ${date}`);
  let [year, month, day] = date.split('-').map(Number) as [number, number, number];
  day += 1;
  if (day > daysInMonth(year, month)) [month, day] = [month + 1, 1];
  if (month > 12) [year, month] = [year + 1, 1];
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Calendar year as a period: 2017 → '2017-01-01'..'2017-12-31'. */
export function yearPeriod(year: number): Period {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  return { from: `${pad(year, 4)}-01-01`, to: `${pad(year, 4)}-12-31` };
}

/** Both ends are real dates and `to` (when given) is not before `from`. */
export function isValidPeriod(period: OpenPeriod): boolean {
  if (!isLocalDate(period.from)) return false;
  if (period.to === null) return true;
  return isLocalDate(period.to) && period.to >= period.from;
}

export function periodContains(period: OpenPeriod, date: LocalDate): boolean {
  return date >= period.from && (period.to === null || date <= period.to);
}

/** `inner` lies wholly inside `outer` (an open-ended outer has no upper bound). */
export function periodWithin(inner: Period, outer: OpenPeriod): boolean {
  return periodContains(outer, inner.from) && periodContains(outer, inner.to);
}

/** `next` starts the day after `previous` ends: no gap, no overlap. */
export function periodFollows(next: Period, previous: Period): boolean {
  return isLocalDate(previous.to) && next.from === nextDay(previous.to);
}

/** Non-blank text. The domain keeps text exactly as given (no trimming) so what was said is what is stored. */
export function isNonEmptyText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

// Guards: throw a DomainError naming the offending field, so the API can point at it.

export function requireText(value: unknown, code: string, field: string): void {
  if (!isNonEmptyText(value)) throw new DomainError(code, `${field} must be non-empty text`, { field });
}

export function requireLocalDate(value: unknown, field: string, code = 'INVALID_DATE'): void {
  if (!isLocalDate(value)) {
    throw new DomainError(code, `${field} must be a calendar date 'YYYY-MM-DD'`, {
      field,
      value: typeof value === 'string' ? value : String(value),
    });
  }
}

export function requireValidPeriod(period: OpenPeriod, field: string, code = 'INVALID_PERIOD'): void {
  if (!period || !isValidPeriod(period)) {
    throw new DomainError(code, `${field} must run from a valid date to the same or a later date`, {
      field,
      from: typeof period?.from === 'string' ? period.from : null,
      to: typeof period?.to === 'string' ? period.to : null,
    });
  }
}
