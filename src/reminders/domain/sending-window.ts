import { type IsoDate, VIETNAM_UTC_OFFSET_HOURS, vietnamDateOf } from '../../periods/domain';

/** Office hours in Vietnam time: from `fromHour`:00 (inclusive) to `untilHour`:00 (exclusive). */
export interface SendingHours {
  fromHour: number;
  untilHour: number;
}

export interface WorkingDayCheck {
  isWorkingDay(date: IsoDate): boolean;
}

/** Hours and minutes past midnight in Vietnam, as a fraction of hours (08:30 gives 8.5). */
export function vietnamHourOf(instant: Date): number {
  const shifted = new Date(instant.getTime() + VIETNAM_UTC_OFFSET_HOURS * 3_600_000);
  return shifted.getUTCHours() + shifted.getUTCMinutes() / 60 + shifted.getUTCSeconds() / 3600;
}

/** Scheduled reminders go out only on working days, during office hours, in Vietnam. */
export function isSendingTime(now: Date, calendar: WorkingDayCheck, hours: SendingHours): boolean {
  const hour = vietnamHourOf(now);
  return calendar.isWorkingDay(vietnamDateOf(now)) && hour >= hours.fromHour && hour < hours.untilHour;
}
