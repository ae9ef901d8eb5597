import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

// Any constant of its own (the migration lock uses 4_711_2016).
const PLANNING_LOCK_KEY = 4_711_2017;

/**
 * One planner at a time across every process (a PostgreSQL session advisory lock): the monthly cap
 * counts what earlier planning queued, so ticks and "remind now" must not interleave. The unique key
 * alone already prevents duplicates; the lock keeps the counts exact. A crashed holder's session
 * ends and releases the lock.
 */
@Injectable()
export class PlanningLock {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [PLANNING_LOCK_KEY]);
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [PLANNING_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }
}
