import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { UniqueKeyTracker } from './unique-key-tracker';

describe('UniqueKeyTracker', () => {
  it('returns the first row of a repeated key, and null for new keys and for rows with an empty key field', () => {
    const tracker = new UniqueKeyTracker(['so']);
    expect(tracker.track({ so: '1/GP', ten: 'A' }, 2)).toBeNull();
    expect(tracker.track({ so: '2/GP', ten: 'A' }, 3)).toBeNull();
    expect(tracker.track({ so: null, ten: 'B' }, 4)).toBeNull();
    expect(tracker.track({ so: null, ten: 'B' }, 5)).toBeNull();
    expect(tracker.track({ so: '1/GP', ten: 'C' }, 6)).toBe(2);
  });

  it('compares composite keys value by value, keeping types apart', () => {
    const tracker = new UniqueKeyTracker(['tinh', 'nam']);
    expect(tracker.track({ tinh: 'Huế', nam: 2024 }, 2)).toBeNull();
    expect(tracker.track({ tinh: 'Huế', nam: '2024' }, 3)).toBeNull();
    expect(tracker.track({ tinh: 'Huế', nam: null }, 4)).toBeNull();
    expect(tracker.track({ tinh: 'Huế', nam: 2024 }, 5)).toBe(2);
  });

  it('keeps its keys without keeping alive the long strings they were cut from', () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const tracker = new UniqueKeyTracker(['so']);
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    for (let chunk = 0; chunk < 200; chunk++) {
      // A decoded file chunk (two-byte because of the Vietnamese letter, 400 KB) and a key sliced from it.
      const text = `Số ${chunk}/GP-BTTTT,Đ${'x'.repeat(200_000)}`;
      tracker.track({ so: text.slice(0, text.indexOf(',')) }, chunk + 2);
    }
    collectGarbage();
    const growth = process.memoryUsage().heapUsed - baseline;
    expect(growth).toBeLessThan(8 * 1024 * 1024);
    expect(tracker.track({ so: 'Số 199/GP-BTTTT' }, 999)).toBe(201);
  });
});
