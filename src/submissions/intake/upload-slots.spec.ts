import type { ConfigService } from '@nestjs/config';
import type { Environment } from '../../config/environment';
import { UNQUEUED_UPLOAD_BYTES, UploadSlots } from './upload-slots';

const LARGE = UNQUEUED_UPLOAD_BYTES + 1;
const slotsOf = (count: number) => new UploadSlots({ get: () => count } as unknown as ConfigService<Environment, true>);

describe('UploadSlots', () => {
  it('runs at most UPLOAD_CONCURRENCY large uploads at once, the others in the order they came', async () => {
    const slots = slotsOf(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: Array<() => void> = [];
    const work = (n: number) =>
      slots.run(LARGE, async () => {
        started.push(n);
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return n;
      });
    const all = Promise.all([1, 2, 3, 4, 5].map(work));
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
    }
    await new Promise((resolve) => setImmediate(resolve));
    while (releases.length > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await all).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives the slot back when the work fails', async () => {
    const slots = slotsOf(1);
    await expect(slots.run(LARGE, () => Promise.reject(new Error('hỏng')))).rejects.toThrow('hỏng');
    await expect(slots.run(LARGE, async () => 'tiếp')).resolves.toBe('tiếp');
  });

  it('lets files up to UNQUEUED_UPLOAD_BYTES through while every slot is taken by a large one', async () => {
    const slots = slotsOf(1);
    let releaseLarge!: () => void;
    const large = slots.run(LARGE, () => new Promise<string>((resolve) => (releaseLarge = () => resolve('lớn'))));
    const queued = slots.run(LARGE, async () => 'chờ');
    let queuedDone = false;
    void queued.then(() => (queuedDone = true));
    await expect(slots.run(UNQUEUED_UPLOAD_BYTES, async () => 'nhỏ')).resolves.toBe('nhỏ');
    await new Promise((resolve) => setImmediate(resolve));
    expect(queuedDone).toBe(false);
    releaseLarge();
    await expect(Promise.all([large, queued])).resolves.toEqual(['lớn', 'chờ']);
  });
});
