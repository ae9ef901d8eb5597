/**
 * Astronomical building blocks of the Vietnamese lunar calendar, after Hồ Ngọc Đức's published
 * algorithm ("Computing the Vietnamese lunar calendar"), itself based on Jean Meeus,
 * "Astronomical Algorithms". Days are Julian day numbers; `timeZone` is hours east of UTC.
 */
import { fromDayNumber, IsoDate, toDayNumber } from './iso-date';

const JULIAN_DAY_OF_UNIX_EPOCH = 2_440_588;
const DEGREE = Math.PI / 180;

/** Mean length of a synodic month in days, and the Julian day of the new moon of 1900-01-01. */
export const SYNODIC_MONTH = 29.530588853;
export const NEW_MOON_EPOCH = 2415021.076998695;

export function julianDayOf(date: IsoDate): number {
  return toDayNumber(date) + JULIAN_DAY_OF_UNIX_EPOCH;
}

export function dateOfJulianDay(julianDay: number): IsoDate {
  return fromDayNumber(julianDay - JULIAN_DAY_OF_UNIX_EPOCH);
}

/** Julian day (with fraction, UTC) of the k-th new moon after the one of 1900-01-01. */
export function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let meanNewMoon = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  meanNewMoon += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEGREE);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DEGREE;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DEGREE;
  const latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DEGREE;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * latitude) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * latitude + sunAnomaly) -
    0.0004 * Math.sin(2 * latitude - sunAnomaly) -
    0.0006 * Math.sin(2 * latitude + moonAnomaly) +
    0.001 * Math.sin(2 * latitude - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return meanNewMoon + correction - deltaT;
}

/** The local day (Julian day number) on which the k-th new moon falls. */
export function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Apparent longitude of the sun in radians, normalised to [0, 2π), at a Julian day (UTC). */
export function sunLongitude(julianDay: number): number {
  const t = (julianDay - 2451545.0) / 36525;
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEGREE;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const equationOfCentre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = (meanLongitude + equationOfCentre) * DEGREE;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}

/**
 * Which 30° sector (0..11) the sun is in at local midnight starting the given day. A lunar month
 * without a change of sector (no major solar term) is the leap month.
 */
export function sunLongitudeSector(julianDay: number, timeZone: number): number {
  return Math.floor((sunLongitude(julianDay - 0.5 - timeZone / 24) / Math.PI) * 6);
}
