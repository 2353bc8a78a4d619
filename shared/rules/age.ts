/** Members must be adults. Checked at sign-up and again before any pairing. */
const MINIMUM_AGE_YEARS = 18;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a YYYY-MM-DD calendar date, rejecting impossible dates such as 2023-02-30. */
export function parseCalendarDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Whole years between a birth date and `today` (both calendar dates, compared in UTC). */
export function ageInYears(birthDate: string, today: Date): number | null {
  const birth = parseCalendarDate(birthDate);
  if (!birth) return null;
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  const day = today.getUTCDate();
  let age = year - birth.year;
  if (month < birth.month || (month === birth.month && day < birth.day)) age -= 1;
  return age;
}

/**
 * True when the person is at least 18 on `today`. Someone born on 29 February becomes an adult on
 * 1 March in non-leap years, which is what the month/day comparison above gives.
 */
export function isAdult(birthDate: string, today: Date): boolean {
  const age = ageInYears(birthDate, today);
  return age !== null && age >= MINIMUM_AGE_YEARS;
}
