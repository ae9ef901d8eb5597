import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
} from 'typeorm';

export type AfterCommitWork = () => Promise<void>;

/**
 * Runs work once the transaction an EntityManager belongs to has committed, and drops it when that
 * transaction, or the savepoint it was registered under, rolls back. Outside a transaction the work
 * runs at once. Works with TypeORM transactions (`dataSource.transaction`, `queryRunner.startTransaction`),
 * not with a raw `BEGIN` sent as a query.
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface {
  private readonly logger = new Logger(AfterCommit.name);
  /** Per connection, one frame per open transaction level (savepoints nest), holding the work registered at that level. */
  private readonly frames = new WeakMap<QueryRunner, AfterCommitWork[][]>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  async run(manager: EntityManager, work: AfterCommitWork): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      await this.execute([work]);
      return;
    }
    const stack = this.stackOf(runner);
    if (stack.length === 0) stack.push([]);
    stack[stack.length - 1].push(work);
  }

  afterTransactionStart(event: TransactionStartEvent): void {
    this.stackOf(event.queryRunner).push([]);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const stack = this.frames.get(event.queryRunner);
    const frame = stack?.pop();
    if (!stack || !frame) return;
    if (stack.length > 0) {
      stack[stack.length - 1].push(...frame);
      return;
    }
    this.frames.delete(event.queryRunner);
    await this.execute(frame);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const stack = this.frames.get(event.queryRunner);
    stack?.pop();
    if (stack?.length === 0) this.frames.delete(event.queryRunner);
  }

  private stackOf(runner: QueryRunner): AfterCommitWork[][] {
    let stack = this.frames.get(runner);
    if (!stack) {
      stack = [];
      this.frames.set(runner, stack);
    }
    return stack;
  }

  /** The transaction has committed by now: a failure here must not make the caller believe it did not. */
  private async execute(works: AfterCommitWork[]): Promise<void> {
    for (const work of works) {
      try {
        await work();
      } catch (error) {
        this.logger.error(`after-commit work failed: ${(error as Error).message}`);
      }
    }
  }
}
