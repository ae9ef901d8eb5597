import { VIETNAM_UTC_OFFSET_HOURS } from '../../periods/domain';

const OFFSET_MS = VIETNAM_UTC_OFFSET_HOURS * 3_600_000;

/**
 * A Date whose UTC fields show the Vietnamese wall-clock time of the instant: spreadsheets have no
 * time zones, so this is what a cell must hold to display Vietnam time.
 */
export function vietnamWallClock(instant: Date | string): Date {
  return new Date(new Date(instant).getTime() + OFFSET_MS);
}
