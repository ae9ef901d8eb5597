import { formatIsoDate, IsoDate, parseIsoDate } from './iso-date';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam keeps UTC+7 all year (no daylight saving time). */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

const OFFSET_MS = VIETNAM_UTC_OFFSET_HOURS * 3_600_000;

/** The calendar date in Vietnam at the given instant. */
export function vietnamDateOf(instant: Date): IsoDate {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid instant');
  const shifted = new Date(time + OFFSET_MS);
  return formatIsoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** 00:00:00.000 of the date in Vietnam. */
export function startOfVietnamDay(date: IsoDate): Date {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day) - OFFSET_MS);
}

/** 23:59:59.999 of the date in Vietnam. */
export function endOfVietnamDay(date: IsoDate): Date {
  return new Date(startOfVietnamDay(date).getTime() + 86_400_000 - 1);
}
