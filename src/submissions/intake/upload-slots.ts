import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../../config/environment';

/** Files up to this size go straight on: their memory is small, and the connection pool bounds how many run. */
export const UNQUEUED_UPLOAD_BYTES = 1024 * 1024;

/**
 * How many uploads of this process larger than UNQUEUED_UPLOAD_BYTES are read, validated and stored at
 * once (UPLOAD_CONCURRENCY). The others wait here as files already spooled to disk: no parse, no
 * PostgreSQL connection and no submission row lock is held while they wait, so memory and connections
 * stay bounded however many officers upload large files at the same moment. Small files, the usual
 * report on deadline day, do not queue behind them.
 */
@Injectable()
export class UploadSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(config: ConfigService<Environment, true>) {
    this.free = config.get('UPLOAD_CONCURRENCY', { infer: true });
  }

  async run<T>(bytes: number, work: () => Promise<T>): Promise<T> {
    if (bytes <= UNQUEUED_UPLOAD_BYTES) return work();
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** The slot goes straight to the first in line (first come, first served), or back to the pool. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
