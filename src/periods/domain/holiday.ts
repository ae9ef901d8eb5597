import { IsoDate } from './iso-date';

/**
 * public_holiday: a day of Labour Code 2019 Art. 112;
 * compensatory: "nghỉ bù" for a public holiday that fell on a weekend;
 * announced_day_off: a day off added by the government's yearly announcement (an override).
 */
export type HolidayKind = 'public_holiday' | 'compensatory' | 'announced_day_off';

export interface Holiday {
  date: IsoDate;
  kind: HolidayKind;
  /** Vietnamese name, NFC. */
  name: string;
  /** For a compensatory day: the weekend holiday it makes up for. */
  compensatesFor?: IsoDate;
}

export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  lunarNewYear: 'Tết Nguyên Đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Chiến thắng',
  labourDay: 'Ngày Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
  compensatory: 'Nghỉ bù',
} as const;
