import { Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { AppError } from './app-error';

/** The largest value of a PostgreSQL `integer`: ids, version numbers and counters stored as one. */
export const PG_INTEGER_MAX = 2_147_483_647;

export interface IntegerRange {
  min?: number;
  max?: number;
}

const vietnameseInteger = (value: number) => new Intl.NumberFormat('vi-VN').format(value);

/**
 * Reads a whole number from a path parameter, refusing anything outside its range with a 400
 * problem: beyond PostgreSQL's integer range, a value would otherwise reach the database and fail there.
 */
export class IntegerParamPipe implements PipeTransform<string, number> {
  constructor(
    private readonly name: string,
    private readonly min: number,
    private readonly max: number,
  ) {}

  transform(raw: string): number {
    // At most 16 digits: longer strings are out of range anyway, and Number() stays exact below 2^53.
    const value = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isInteger(value) && value >= this.min && value <= this.max) return value;
    const range = `từ ${vietnameseInteger(this.min)} đến ${vietnameseInteger(this.max)}`;
    throw new AppError(400, 'invalid_parameter', 'Yêu cầu không hợp lệ', `Tham số "${this.name}" phải là số nguyên ${range}.`, [
      { field: this.name, code: Number.isNaN(value) ? 'isInt' : 'out_of_range', message: `${this.name} phải là số nguyên ${range}` },
    ]);
  }
}

/** `@Param(name)` as a whole number within a range (default 1 to PG_INTEGER_MAX), documented in OpenAPI. */
export function IntParam(name: string, { min = 1, max = PG_INTEGER_MAX }: IntegerRange = {}): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new IntegerParamPipe(name, min, max))(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key) as PropertyDescriptor;
    ApiParam({ name, required: true, schema: { type: 'integer', minimum: min, maximum: max } })(target, key, descriptor);
  };
}
