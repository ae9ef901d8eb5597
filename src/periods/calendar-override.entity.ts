import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CalendarOverrideKind } from './domain';

/** The government's yearly announcements: swapped days off and make-up working days. */
@Entity('calendar_overrides')
@Check('ck_calendar_overrides_kind', `kind IN ('day_off', 'working_day')`)
export class CalendarOverrideRow {
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 16 })
  kind: CalendarOverrideKind;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
