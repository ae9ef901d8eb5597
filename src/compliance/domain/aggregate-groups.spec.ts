import type { ReportSchemaDefinition } from '../../validation/domain/schema-definition';
import { aggregateGroups, aggregateValue, type FieldStat, type GroupValue, type PeriodStats, unitsOf } from './aggregate-groups';
import { aggregatePlan } from './aggregate-plan';

const stat = (sum: number, count: number, units = count): FieldStat => ({ sum, avg: sum / count, count, units, weightedSum: null, weightTotal: null, weightedUnits: 0 });
/** A rate reported by units as [rate, weight] pairs, as the SQL adds it up (rows without a weight keep their value). */
const weighted = (pairs: Array<[number, number | null]>): FieldStat => {
  const withWeight = pairs.filter((pair): pair is [number, number] => pair[1] !== null);
  return {
    ...stat(pairs.reduce((sum, [rate]) => sum + rate, 0), pairs.length),
    weightedSum: withWeight.reduce((sum, [rate, weight]) => sum + rate * weight, 0),
    weightTotal: withWeight.reduce((sum, [, weight]) => sum + weight, 0),
    weightedUnits: withWeight.length,
  };
};
const stats = (entries: Array<[GroupValue[], Record<string, FieldStat>]>): PeriodStats =>
  new Map(entries.map(([values, fields]) => [JSON.stringify(values), { values, fields: new Map(Object.entries(fields)) }]));

const QUARTERLY: ReportSchemaDefinition = {
  fields: [
    { key: 'san_luong', label: 'Sản lượng bưu gửi', type: 'integer', unit: 'bưu gửi', aggregate: 'sum' },
    { key: 'doanh_thu', label: 'Doanh thu', type: 'decimal', unit: 'triệu đồng' },
    { key: 'ty_le', label: 'Tỷ lệ hồ sơ trực tuyến', type: 'decimal', unit: '%', aggregate: 'avg' },
    { key: 'so_to', label: 'Số tổ', type: 'integer', aggregate: 'count' },
    { key: 'stt', label: 'STT', type: 'integer', aggregate: 'none' },
    { key: 'ghi_chu', label: 'Ghi chú', type: 'text' },
  ],
};

const TT35: ReportSchemaDefinition = {
  keyFields: ['chi_tieu'],
  fields: [
    { key: 'chi_tieu', label: 'Chỉ tiêu', type: 'enum', enumValues: ['Giấy phép', 'Xác nhận', 'Chi nhánh', 'Ngừng'] },
    { key: 'trong_nam', label: 'Số lượng trong năm', type: 'integer', aggregate: 'sum' },
  ],
};

describe('aggregate plan', () => {
  it('adds up numeric fields by their schema aggregate, sum by default, and skips none and text', () => {
    expect(aggregatePlan(QUARTERLY).fields.map((f) => [f.key, f.aggregate])).toEqual([
      ['san_luong', 'sum'],
      ['doanh_thu', 'sum'],
      ['ty_le', 'avg'],
      ['so_to', 'count'],
    ]);
    expect(aggregatePlan(QUARTERLY).groupBy).toEqual([]);
  });

  it('groups by the key fields of the schema', () => {
    expect(aggregatePlan(TT35).groupBy.map((f) => f.key)).toEqual(['chi_tieu']);
  });
});

describe('aggregate groups', () => {
  it('gives one national group with each aggregate and its change against both comparison periods', () => {
    const [group, ...rest] = aggregateGroups(
      aggregatePlan(QUARTERLY),
      stats([[[], { san_luong: stat(505, 3), doanh_thu: stat(11250.5, 3), ty_le: stat(111.57, 3), so_to: stat(10, 2) }]]),
      stats([[[], { san_luong: stat(500, 3) }]]),
      stats([[[], { san_luong: stat(343.5, 2), ty_le: stat(60, 2) }]]),
    );
    expect(rest).toEqual([]);
    expect(group.key).toBeNull();
    expect(group.label).toBe('Toàn quốc');
    const byField = Object.fromEntries(group.fields.map((f) => [f.field, f]));
    expect(byField.san_luong).toMatchObject({
      value: 505,
      units: 3,
      previous: { value: 500, change: 5, changePercent: 1 },
      lastYear: { value: 343.5, change: 161.5, changePercent: 47.02 },
    });
    expect(byField.doanh_thu).toMatchObject({ value: 11250.5, previous: { value: null, change: null, changePercent: null } });
    expect(byField.ty_le).toMatchObject({ value: 37.19, aggregate: 'avg', lastYear: { value: 30, change: 7.19, changePercent: 23.97 } });
    expect(byField.so_to).toMatchObject({ value: 2, aggregate: 'count' });
  });

  it('weighs a rate by its weight field: the national rate, not the mean of the provinces', () => {
    const plan = aggregatePlan({
      fields: [
        { key: 'tong_so_ho_so', label: 'Tổng số hồ sơ', type: 'integer' },
        { key: 'ty_le', label: 'Tỷ lệ hồ sơ trực tuyến', type: 'decimal', unit: '%', aggregate: 'weighted_avg', weightField: 'tong_so_ho_so' },
      ],
    });
    expect(plan.fields.map((f) => [f.key, f.aggregate, f.weightField])).toEqual([
      ['tong_so_ho_so', 'sum', null],
      ['ty_le', 'weighted_avg', 'tong_so_ho_so'],
    ]);
    // A big province at 20 % with 90,000 filings and a small one at 80 % with 10,000: 26 % nationally, not 50 %.
    const rate = weighted([
      [20, 90000],
      [80, 10000],
    ]);
    const [group] = aggregateGroups(plan, stats([[[], { ty_le: rate }]]), new Map(), new Map());
    expect(group.fields[1]).toMatchObject({ field: 'ty_le', aggregate: 'weighted_avg', value: 26, units: 2 });
    expect(aggregateValue(rate, 'avg')).toBe(50);
    // A unit without a weight does not count towards the weighted rate; weights of 0 give no value.
    expect(unitsOf(weighted([[20, 90000], [80, null]]), 'weighted_avg')).toBe(1);
    expect(aggregateValue(weighted([[20, 90000], [80, null]]), 'weighted_avg')).toBe(20);
    expect(aggregateValue(weighted([[20, 0]]), 'weighted_avg')).toBeNull();
  });

  it('reports no value (not zero) when no approved unit reported the field', () => {
    const [group] = aggregateGroups(aggregatePlan(QUARTERLY), new Map(), new Map(), new Map());
    expect(group.fields.every((f) => f.value === null && f.units === 0)).toBe(true);
    expect(aggregateValue(undefined, 'count')).toBeNull();
  });

  it('lists key groups in the schema order of enum values, including groups seen only in a comparison period', () => {
    const groups = aggregateGroups(
      aggregatePlan(TT35),
      stats([
        [['Chi nhánh'], { trong_nam: stat(4, 2) }],
        [['Giấy phép'], { trong_nam: stat(3, 2) }],
      ]),
      stats([[['Ngừng'], { trong_nam: stat(1, 1) }]]),
      new Map(),
    );
    expect(groups.map((g) => g.label)).toEqual(['Giấy phép', 'Chi nhánh', 'Ngừng']);
    expect(groups[0].key).toEqual({ chi_tieu: 'Giấy phép' });
    expect(groups[2].fields[0]).toMatchObject({ value: null, previous: { value: 1, change: null } });
  });
});
