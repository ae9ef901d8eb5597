import { toIsoDate } from './calendar-date';

/** `14/03/2024`, `4/3/2024`, `14-03-2024`, `14.03.2024`: day first, the same separator twice. */
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a trimmed date text the way officers write it, or ISO; returns `yyyy-mm-dd` or null. */
export function parseVietnameseDate(text: string): string | null {
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return toIsoDate(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]));
  const iso = ISO_DATE.exec(text);
  if (iso) return toIsoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}
