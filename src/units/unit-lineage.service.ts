import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface UnitOnDate {
  id: string;
  code: string;
  name: string;
}

/**
 * Which units stand for a unit at a date: itself while it exists, otherwise the predecessors that
 * merged into it (followed back through successor links), so that history before a merger is
 * summed into the successor, never taken from only one of the old units.
 */
@Injectable()
export class UnitLineageService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async standingFor(unitId: string, date: string): Promise<UnitOnDate[]> {
    return this.db.query(
      `WITH RECURSIVE lineage AS (
         SELECT id, code, name, valid_from, valid_to, 0 AS depth FROM reporting_units WHERE id = $1
         UNION ALL
         SELECT u.id, u.code, u.name, u.valid_from, u.valid_to, l.depth + 1
           FROM reporting_units u JOIN lineage l ON u.successor_id = l.id
          WHERE l.depth < 10 AND NOT (l.valid_from <= $2::date AND (l.valid_to IS NULL OR l.valid_to >= $2::date))
       )
       SELECT id, code, name FROM lineage
        WHERE valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)
        ORDER BY code`,
      [unitId, date],
    );
  }
}
