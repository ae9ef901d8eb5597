import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DepartmentName } from './department-name.entity';
import { departmentNameOn, type DepartmentNameRule, readDepartmentNames } from './department-names';
import type { ReportingUnit } from './reporting-unit.entity';

type NamedUnit = Pick<ReportingUnit, 'id' | 'name' | 'kind'>;

/** The names of the units' reporting departments over time (department_names). */
@Injectable()
export class DepartmentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Loads the general names shipped as reference data; rows already there (or edited) are kept. */
  async loadReference(): Promise<number> {
    const rules = readDepartmentNames();
    await this.db.query(
      `INSERT INTO department_names (name_pattern, valid_from, valid_to, legal_basis)
       SELECT * FROM unnest($1::text[], $2::date[], $3::date[], $4::text[])
       ON CONFLICT (valid_from) WHERE unit_id IS NULL DO NOTHING`,
      [rules.map((r) => r.namePattern), rules.map((r) => r.validFrom), rules.map((r) => r.validTo), rules.map((r) => r.legalBasis)],
    );
    return rules.length;
  }

  async rules(manager: EntityManager = this.db.manager): Promise<DepartmentNameRule[]> {
    return manager.getRepository(DepartmentName).find({ order: { validFrom: 'ASC' } });
  }

  async nameOf(unit: NamedUnit, date: string, manager?: EntityManager): Promise<string> {
    return departmentNameOn(unit, await this.rules(manager), date);
  }

  /** Names of many units on one day, with one read of the rules. */
  async namesOf(units: readonly NamedUnit[], date: string): Promise<Map<string, string>> {
    const rules = await this.rules();
    return new Map(units.map((unit) => [unit.id, departmentNameOn(unit, rules, date)]));
  }
}
