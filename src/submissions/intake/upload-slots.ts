import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../../config/environment';

/**
 * How many uploads of this process are read, validated and stored at once (UPLOAD_CONCURRENCY). The
 * others wait here as files already spooled to disk: no parse, no PostgreSQL connection and no
 * submission row lock is held while they wait, so memory and connections stay bounded however many
 * officers upload at the same moment.
 */
@Injectable()
export class UploadSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(config: ConfigService<Environment, true>) {
    this.free = config.get('UPLOAD_CONCURRENCY', { infer: true });
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
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
