const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the (proleptic) Gregorian calendar. */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether `text` is a real calendar day written YYYY-MM-DD (not 2016-02-30, not 2016-13-45).
 * Worked out, not parsed with Date: the layout asks for every date-like piece of every byline.
 */
export function isCalendarDate(text: string): boolean {
  const parts = ISO_DAY.exec(text);
  if (parts === null) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}
