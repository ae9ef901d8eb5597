import { unitCodeOfCell, unitCodeOfFileName } from './backfill-sources';

describe('unit codes of a backfill batch', () => {
  it('reads the code a file name starts with, in any folder of the archive', () => {
    expect(unitCodeOfFileName('79.xlsx')).toBe('79');
    expect(unitCodeOfFileName('bao-cao/01 - Thành phố Hà Nội.csv')).toBe('01');
    expect(unitCodeOfFileName('X1_bao-cao.json')).toBe('X1');
    expect(unitCodeOfFileName('08')).toBe('08');
    expect(unitCodeOfFileName('Hà Nội.xlsx')).toBeNull();
    expect(unitCodeOfFileName('.DS_Store')).toBeNull();
  });

  it('reads the code of a unit column, giving a one-digit code back the zero Excel dropped', () => {
    expect(unitCodeOfCell('79')).toBe('79');
    expect(unitCodeOfCell(' 01 ')).toBe('01');
    expect(unitCodeOfCell(8)).toBe('08');
    expect(unitCodeOfCell('8')).toBe('08');
    expect(unitCodeOfCell(79)).toBe('79');
    expect(unitCodeOfCell('')).toBeNull();
    expect(unitCodeOfCell(null)).toBeNull();
    expect(unitCodeOfCell(7.5)).toBeNull();
  });
});
