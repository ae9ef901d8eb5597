/**
 * Dates and times as a person in Vietnam reads them: dd/mm/yyyy, times in Vietnam time (UTC+7 all
 * year). Machine values (ISO dates and instants) stay in the API's own fields; these are for text.
 */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const pad = (value: number) => String(value).padStart(2, '0');

/** `2025-02-04` -> `04/02/2025`. */
export function formatVietnameseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) throw new RangeError(`Not an ISO date: ${isoDate}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

function vietnamWallClockParts(instant: Date | string) {
  const time = new Date(instant).getTime();
  if (Number.isNaN(time)) throw new RangeError(`Not an instant: ${String(instant)}`);
  const shifted = new Date(time + VIETNAM_OFFSET_MS);
  return {
    date: `${pad(shifted.getUTCDate())}/${pad(shifted.getUTCMonth() + 1)}/${shifted.getUTCFullYear()}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
    seconds: pad(shifted.getUTCSeconds()),
  };
}

/** An instant as `dd/mm/yyyy hh:mm` in Vietnam time, e.g. `19/06/2024 00:00`. */
export function formatVietnameseDateTime(instant: Date | string): string {
  const { date, time } = vietnamWallClockParts(instant);
  return `${date} ${time}`;
}

/** An instant as `dd/mm/yyyy hh:mm:ss` in Vietnam time (exports, receipts). */
export function formatVietnameseDateTimeSeconds(instant: Date | string): string {
  const { date, time, seconds } = vietnamWallClockParts(instant);
  return `${date} ${time}:${seconds}`;
}
