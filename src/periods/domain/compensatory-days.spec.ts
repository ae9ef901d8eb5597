import { withCompensatoryDays } from './compensatory-days';
import { Holiday } from './holiday';

const holiday = (date: string): Holiday => ({ date, kind: 'public_holiday', name: 'Lễ' });
const compensatory = (holidays: Holiday[]) =>
  withCompensatoryDays(holidays)
    .filter((day) => day.kind === 'compensatory')
    .map((day) => [day.compensatesFor, day.date]);

describe('compensatory days (nghỉ bù)', () => {
  it('adds none for holidays on weekdays', () => {
    expect(compensatory([holiday('2024-01-01'), holiday('2024-04-30')])).toEqual([]);
  });

  it('moves a Saturday holiday to the Monday and a Sunday holiday to the Monday', () => {
    expect(compensatory([holiday('2022-01-01')])).toEqual([['2022-01-01', '2022-01-03']]);
    expect(compensatory([holiday('2023-01-01')])).toEqual([['2023-01-01', '2023-01-02']]);
  });

  it('skips days that are themselves holidays or already given as compensation', () => {
    // 30/4/2022 Saturday and 1/5/2022 Sunday: Monday 2/5 and Tuesday 3/5.
    expect(compensatory([holiday('2022-04-30'), holiday('2022-05-01')])).toEqual([
      ['2022-04-30', '2022-05-02'],
      ['2022-05-01', '2022-05-03'],
    ]);
  });

  it('names the day "Nghỉ bù" and returns all days sorted by date', () => {
    const days = withCompensatoryDays([holiday('2022-05-01'), holiday('2022-04-30')]);
    expect(days.map((day) => day.date)).toEqual(['2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03']);
    expect(days[2]).toEqual({ date: '2022-05-02', kind: 'compensatory', name: 'Nghỉ bù', compensatesFor: '2022-04-30' });
  });
});
