import { ADMIN, type TestApp } from '../../support/app';
import { createTestObligation } from '../../support/obligations';

/**
 * A yearly report of two indicators with a warning rule, for the journeys: small enough for the
 * web form, and a warning that needs a justification to submit.
 */
export const JOURNEY_SCHEMA = {
  sheetName: 'BAO-CAO',
  keyFields: ['chi_tieu'],
  fields: [
    { key: 'chi_tieu', label: 'Chỉ tiêu', type: 'enum', required: true, enumValues: ['Bưu cục', 'Điểm phục vụ'] },
    { key: 'so_luong', label: 'Số lượng', type: 'integer', required: true, min: 0, unit: 'điểm', description: 'Số điểm đang hoạt động cuối kỳ' },
    { key: 'doanh_thu', label: 'Doanh thu', type: 'decimal', required: true, min: 0, unit: 'triệu đồng' },
    { key: 'ghi_chu', label: 'Ghi chú', type: 'text', required: false, maxLength: 500 },
  ],
  rowRules: [{ id: 'doanh_thu_lon', message: 'Doanh thu trên 1.000.000 triệu đồng là bất thường; hãy kiểm tra lại hoặc giải trình', assert: 'doanh_thu <= 1000000', severity: 'warning' }],
  fileRules: [{ id: 'du_chi_tieu', kind: 'row_count', min: 2, max: 2, message: 'Báo cáo có đúng 2 chỉ tiêu' }],
};

export const JOURNEY_HEADER = ['Chỉ tiêu', 'Số lượng', 'Doanh thu', 'Ghi chú'];

/** Creates a journey obligation (yearly, due 31 January; tracked from 2017 unless `fields` say otherwise) with its schema, through the API as admin. */
export async function createJourneyObligation(t: TestApp, code: string, title: string, fields: Record<string, unknown> = {}): Promise<void> {
  await createTestObligation(t, { code, title, ...fields });
  const schema = await t
    .http()
    .post(`/api/v1/obligations/${code}/schemas`)
    .set('authorization', await t.tokenFor(ADMIN))
    .send({ definition: JOURNEY_SCHEMA, effectiveFrom: '2017-01-01', changeNote: 'Biểu mẫu thử' });
  expect(schema.status).toBe(201);
}

/** Console errors a page may show: a refused request is logged by the browser, the page explains it. */
export const onlyRefusedRequests = (problems: string[]) => problems.filter((problem) => !/^Failed to load resource: the server responded with a status of 4\d\d/.test(problem));
