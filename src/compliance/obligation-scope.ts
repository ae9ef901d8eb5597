import type { Obligation } from '../obligations/obligation.entity';

/** The parts of an obligation compliance figures need (the entity and its DTO both fit). */
export type ObligationScope = Pick<
  Obligation,
  'id' | 'code' | 'title' | 'periodType' | 'cutoffKind' | 'deadlineRule' | 'targetScope' | 'targetUnitCodes' | 'compliesWhen' | 'activeFrom' | 'trackedFrom' | 'retiredAt'
>;
