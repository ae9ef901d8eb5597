import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ArgumentsHost,
  ConflictException,
  HttpException,
  MethodNotAllowedException,
  NotAcceptableException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { MulterError } from 'multer';
import { PROBLEM_CODES, type ProblemCode } from '../../src/common/problem-codes';
import { ProblemFilter } from '../../src/common/problem.filter';
import { isVietnamese } from '../../src/common/vietnamese-text';
import type { MailContent } from '../../src/mail/mail-content';
import { campaignSummaryMail, reminderMail, type ReminderMailValues } from '../../src/reminders/reminder-mail';
import { reviewMail, type ReviewMailValues } from '../../src/reviews/review-mail';
import { multipartProblem } from '../../src/submissions/multipart-file.interceptor';
import { tooLargeToAnnotate } from '../../src/submissions/annotated-workbook.service';
import { asUploadProblem } from '../../src/submissions/upload-problem';
import { openUpload, type OpenUploadOptions } from '../../src/validation/parsing/read-upload';
import { rejectionOf } from '../../src/validation/parsing/testing/rejections';
import { ADMIN, COMPLIANCE, officer, REVIEWER, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { createTestObligation } from '../support/obligations';
import { csv, xlsx, zipOf } from '../support/report-files';

interface Problem {
  status: number;
  body: { code: string; title: string; detail?: string; errors?: Array<{ message: string }> };
}

/** ISO dates and instants (2024-03-21, 2024-06-19T17:00:00.000Z) and period keys (2023-Q1, 2024-Y) people should not read. */
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const PERIOD_KEY = /\b\d{4}-(Q[1-4]|M\d{2}|H[12]|9M|Y)\b/;

/** Through the filter every response goes through, for failures no request can provoke on purpose. */
function render(exception: unknown): Problem {
  let status = 0;
  let sent = '';
  const response = {
    headersSent: false,
    status(value: number) {
      status = value;
      return this;
    },
    type() {
      return this;
    },
    send(body: string) {
      sent = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/api/v1/x', url: '/api/v1/x' }), getResponse: () => response }) };
  new ProblemFilter().catch(exception, host as unknown as ArgumentsHost);
  return { status, body: JSON.parse(sent) };
}

/** A file the parsing layer refuses, as the upload routes answer it. */
async function refusedFile(buffer: Buffer, options: OpenUploadOptions, readRows = false): Promise<Problem> {
  const rejection = await rejectionOf(
    (async () => {
      const upload = await openUpload(buffer, options);
      if (readRows) for await (const batch of upload.batches) void batch;
    })(),
  );
  return render(asUploadProblem(rejection));
}

describe('Vietnamese for people: every problem code and every e-mail', () => {
  const NOW = '2025-01-20T03:00:00Z';
  let t: TestApp;
  let units: Record<string, string>;

  const as = async (email: string) => t.tokenFor(email);
  const base = (code: string, period: string, unit: string) => `/api/v1/obligations/${code}/periods/${period}/units/${units[unit]}/submission`;
  const upload = async (code: string, period: string, unit: string, file: Buffer, name = 'bao-cao.csv') =>
    t.http().post(`${base(code, period, unit)}/versions`).set('authorization', await as(officer(unit))).attach('file', file, name);
  const submit = async (code: string, period: string, unit: string) => t.http().post(`${base(code, period, unit)}/submit`).set('authorization', await as(officer(unit))).send({});
  const backfill = async (code: string, period: string, file: Buffer, name: string) =>
    t.http().post(`/api/v1/obligations/${code}/periods/${period}/backfill`).set('authorization', await as(COMPLIANCE)).field('reason', 'Nạp số liệu lịch sử').attach('file', file, name);
  const report = (value: string | number) => csv([['Số lượng', 'Ghi chú'], [value, '']]);
  const realXlsx = () => xlsx((sheet) => sheet.addRow(['Số lượng']), 'Số liệu');

  beforeAll(async () => {
    t = await startTestApp('all', { clock: new FakeClock(new Date(NOW)) });
    units = await unitIdsByCode(t, '2024-12-31');
    const admin = await as(ADMIN);
    const schema = {
      effectiveFrom: '2017-01-01',
      definition: {
        fields: [
          { key: 'so_luong', label: 'Số lượng', type: 'integer', required: true, min: 0 },
          { key: 'ghi_chu', label: 'Ghi chú', type: 'text' },
        ],
        rowRules: [{ id: 'lon_bat_thuong', message: 'Số lượng lớn bất thường', assert: 'so_luong <= 1000', severity: 'warning' }],
      },
    };
    for (const [code, trackedFrom] of [
      ['VN-KIEM-TRA', '2017-01-01'],
      ['VN-CHUA-THEO-DOI', '2025-01-01'],
    ]) {
      await createTestObligation(t, { code, targetScope: 'listed_units', targetUnitCodes: ['01', '04', '11'], trackedFrom });
      expect((await t.http().post(`/api/v1/obligations/${code}/schemas`).set('authorization', admin).send(schema)).status).toBe(201);
    }
    await createTestObligation(t, { code: 'VN-KHONG-BIEU-MAU', targetScope: 'listed_units', targetUnitCodes: ['01'] });
    await createTestObligation(t, { code: 'VN-NGUNG', targetScope: 'listed_units', targetUnitCodes: ['01'] });
    expect((await t.http().post('/api/v1/obligations/VN-NGUNG/retire').set('authorization', admin).send({ reason: 'Thay bằng báo cáo khác' })).status).toBe(200);
  });
  afterAll(() => t.close());

  /** How each code is provoked: a request where one can, otherwise the failure rendered as the API would answer it. */
  const TRIGGERS: Record<ProblemCode, () => Promise<Problem>> = {
    bad_request: async () => t.http().get('/api/v1/units/khong-phai-uuid').set('authorization', await as(ADMIN)),
    malformed_body: () => t.http().post('/api/v1/auth/login').set('content-type', 'application/json').send('{"email": '),
    unauthorized: () => t.http().get('/api/v1/units'),
    forbidden: async () => t.http().get('/api/v1/compliance/periods/2024-Y').set('authorization', await as(officer('01'))),
    not_found: async () => t.http().get('/api/v1/obligations/KHONG-CO').set('authorization', await as(ADMIN)),
    method_not_allowed: async () => render(new MethodNotAllowedException()),
    not_acceptable: async () => render(new NotAcceptableException()),
    conflict: async () => render(new ConflictException()),
    payload_too_large: async () => render(new PayloadTooLargeException()),
    unsupported_media_type: async () => render(new UnsupportedMediaTypeException()),
    too_many_requests: async () => render(new ThrottlerException()),
    internal_error: async () => render(new Error('connection reset by peer')),
    service_unavailable: async () => render(new ServiceUnavailableException({ status: 'error', details: { redis: { status: 'down' } } })),
    http_error: async () => render(new HttpException("I'm a teapot", 418)),
    invalid_credentials: () => t.http().post('/api/v1/auth/login').send({ email: ADMIN, password: 'sai-mat-khau-roi' }),
    session_expired: () => t.http().get('/api/v1/auth/session').set('cookie', `baocao_session=${'x'.repeat(43)}`),
    csrf_failed: () => t.http().post('/api/v1/auth/session').set('origin', 'https://evil.example').send({ email: ADMIN, password: 'khong-quan-trong' }),
    account_locked: async () => {
      let last: Problem | undefined;
      for (let attempt = 0; attempt < 8 && last?.status !== 429; attempt++) {
        last = await t.http().post('/api/v1/auth/login').send({ email: 'khoa.tam@baocao.local', password: 'sai-mat-khau-roi' });
      }
      return last as Problem;
    },
    weak_password: async () =>
      t.http().post('/api/v1/users').set('authorization', await as(ADMIN)).send({ email: 'moi@baocao.local', fullName: 'Người mới', role: 'ministry_reviewer', password: 'password12' }),
    invalid_parameter: async () => t.http().get('/api/v1/obligations/TT35-BUU-CHINH/schemas/99999999999').set('authorization', await as(ADMIN)),
    validation_failed: () => t.http().post('/api/v1/auth/login').send({ email: 'khong-phai-email' }),
    invalid_period: async () => t.http().get('/api/v1/compliance/obligations/TT35-BUU-CHINH/periods/2024-Q1').set('authorization', await as(COMPLIANCE)),
    obligation_code_taken: () => createTestObligationResponse('TT35-BUU-CHINH'),
    already_retired: async () => t.http().post('/api/v1/obligations/VN-NGUNG/retire').set('authorization', await as(ADMIN)).send({ reason: 'Lần nữa' }),
    obligation_retired: async () => t.http().post('/api/v1/reminders/remind-now').set('authorization', await as(COMPLIANCE)).send({ obligationCode: 'VN-NGUNG', periodKey: '2024-Y' }),
    invalid_schema: async () => t.http().post('/api/v1/obligations/VN-KHONG-BIEU-MAU/schemas').set('authorization', await as(ADMIN)).send({ effectiveFrom: '2017-01-01', definition: { fields: [] } }),
    schema_version_locked: async () => {
      expect((await upload('VN-KIEM-TRA', '2024-Y', '01', report(5))).status).toBe(201);
      return t.http().put('/api/v1/obligations/VN-KIEM-TRA/schemas/1').set('authorization', await as(ADMIN)).send({ effectiveFrom: '2017-01-01', definition: { fields: [{ key: 'a', label: 'A', type: 'text' }] } });
    },
    no_schema: () => upload('VN-KHONG-BIEU-MAU', '2024-Y', '01', report(5)),
    invalid_merger: async () =>
      t.http().post('/api/v1/units/mergers').set('authorization', await as(ADMIN)).send({ effectiveFrom: '2026-01-01', legalBasis: 'Thử nghiệm', units: [{ code: '01', name: '', oldCodes: ['99'] }] }),
    email_taken: async () =>
      t.http().post('/api/v1/users').set('authorization', await as(ADMIN)).send({ email: REVIEWER, fullName: 'Người trùng', role: 'ministry_reviewer', password: 'Sông Hồng chảy qua 7 cây cầu!' }),
    file_required: async () => t.http().post(`${base('VN-KIEM-TRA', '2024-Y', '04')}/versions`).set('authorization', await as(officer('04'))).field('ghi_chu', 'không có tệp'),
    unit_not_expected: async () => t.http().post(`${base('VN-KIEM-TRA', '2024-Y', '20')}/versions`).set('authorization', await as(officer('20'))).attach('file', report(5), 'a.csv'),
    period_not_open: () => upload('VN-KIEM-TRA', '2026-Y', '01', report(5)),
    period_not_tracked: () => upload('VN-CHUA-THEO-DOI', '2023-Y', '01', report(5)),
    period_locked: () => upload('VN-KIEM-TRA', '2023-Y', '01', report(5)),
    illegal_transition: () => submit('VN-KIEM-TRA', '2024-Y', '11'),
    stale_revision: async () => t.http().patch('/api/v1/obligations/VN-KIEM-TRA').set('authorization', await as(ADMIN)).send({ expectedRevision: 999, title: 'Tên mới' }),
    stale_version: async () => {
      const sent = await submit('VN-KIEM-TRA', '2024-Y', '01');
      expect(sent.status).toBe(200);
      return t.http().post(`/api/v1/submissions/${sent.body.id}/decisions`).set('authorization', await as(REVIEWER)).send({ decision: 'approve', versionNumber: 9, expectedRevision: sent.body.revision });
    },
    version_not_valid: async () => {
      expect((await upload('VN-KIEM-TRA', '2024-Y', '04', report('nhiều'))).body.version.valid).toBe(false);
      return submit('VN-KIEM-TRA', '2024-Y', '04');
    },
    justification_required: async () => {
      expect((await upload('VN-KIEM-TRA', '2024-Y', '11', report(5000))).body.version.warningCount).toBe(1);
      return submit('VN-KIEM-TRA', '2024-Y', '11');
    },
    no_issues: async () => t.http().get(`${base('VN-KIEM-TRA', '2024-Y', '01')}/versions/1/annotated.xlsx`).set('authorization', await as(officer('01'))),
    too_large_to_annotate: async () => render(tooLargeToAnnotate(25_000)),
    malformed_multipart: async () =>
      t
        .http()
        .post(`${base('VN-KIEM-TRA', '2024-Y', '01')}/versions`)
        .set('authorization', await as(officer('01')))
        .set('content-type', 'multipart/form-data; boundary=XYZ')
        .send('--XYZ\r\nkhông phải tiêu đề\r\n\r\nx\r\n--XYZ--\r\n'),
    unexpected_file_field: async () => t.http().post(`${base('VN-KIEM-TRA', '2024-Y', '01')}/versions`).set('authorization', await as(officer('01'))).attach('tep', report(5), 'a.csv'),
    period_tracked: async () => backfill('VN-CHUA-THEO-DOI', '2024-Y', await zipOf({ '01.csv': report(5) }), 'lo.zip'),
    backfill_rejected: async () => backfill('VN-CHUA-THEO-DOI', '2023-Y', await zipOf({ '01.csv': report('sai') }), 'lo.zip'),
    backfill_without_units: () => backfill('VN-CHUA-THEO-DOI', '2023-Y', report(5), 'mot-tep.csv'),
    // The parsing layer's refusals, each from a file that earns it.
    empty_file: () => refusedFile(Buffer.from('\r\n\r\n'), { fileName: 'rong.csv' }),
    file_too_large: async () => {
      expect(render(multipartProblem(new MulterError('LIMIT_FILE_SIZE', 'file'), 20 * 1024 * 1024)).body.detail).toBe('Tệp tải lên quá lớn. Dung lượng tối đa là 20 MB.');
      return refusedFile(Buffer.from('a\n1\n'), { fileName: 'a.csv', limits: { maxFileBytes: 2 } });
    },
    too_many_rows: () => refusedFile(Buffer.from('a\n1\n2\n3\n'), { fileName: 'a.csv', limits: { maxRows: 1 } }, true),
    unsupported_file_type: () => refusedFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), { fileName: 'anh.png' }),
    not_a_spreadsheet: () => refusedFile(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]), { fileName: 'bao-cao.xlsx' }),
    legacy_xls: () => refusedFile(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), { fileName: 'bao-cao.xls' }),
    macro_workbook: async () => refusedFile(await realXlsx(), { fileName: 'bao-cao.xlsm' }),
    encrypted_workbook: () =>
      refusedFile(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('EncryptedPackage', 'utf16le')]), { fileName: 'bao-cao.xlsx' }),
    corrupt_xlsx: async () => refusedFile((await realXlsx()).subarray(0, 200), { fileName: 'bao-cao.xlsx' }),
    xlsx_too_large_uncompressed: async () => refusedFile(await realXlsx(), { fileName: 'bao-cao.xlsx', limits: { maxUncompressedBytes: 100 } }),
    xlsx_compression_ratio: async () => refusedFile(await realXlsx(), { fileName: 'bao-cao.xlsx', limits: { maxCompressionRatio: 1, compressionRatioMinBytes: 1 } }),
    xlsx_too_many_entries: async () => refusedFile(await realXlsx(), { fileName: 'bao-cao.xlsx', limits: { maxZipEntries: 2 } }),
    xlsx_no_worksheet: async () => {
      const contentTypes =
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
      return refusedFile(await zipOf({ '[Content_Types].xml': Buffer.from(contentTypes), 'xl/workbook.xml': Buffer.from('<workbook/>') }), { fileName: 'bao-cao.xlsx' }, true);
    },
    unsupported_encoding: () => refusedFile(Buffer.from('Tinh,So\nH\xe0 N\xf4i,1\n', 'latin1'), { fileName: 'bao-cao.csv' }, true),
    invalid_csv: () => refusedFile(Buffer.from('a,b\n"chưa đóng,1\n2,3\n', 'utf8'), { fileName: 'bao-cao.csv' }, true),
    invalid_json: () => refusedFile(Buffer.from('[{"a": }]'), { fileName: 'bao-cao.json' }),
    invalid_json_shape: () => refusedFile(Buffer.from('{"data": []}'), { fileName: 'bao-cao.json' }),
  };

  async function createTestObligationResponse(code: string): Promise<Problem> {
    return t
      .http()
      .post('/api/v1/obligations')
      .set('authorization', await as(ADMIN))
      .send({ code, title: 'Trùng mã', legalDocument: 'Văn bản', issuingBody: 'Bộ Khoa học và Công nghệ', periodType: 'yearly', cutoffKind: 'calendar', deadlineRule: { kind: 'day_of_month', monthOffset: 1, day: 31 }, targetScope: 'all_provinces', compliesWhen: 'approved', activeFrom: '2017-01-01' });
  }

  it('answers a JSON body over the size limit with problem+json in Vietnamese', async () => {
    const response = await t.http().post('/api/v1/auth/login').set('content-type', 'application/json').send(JSON.stringify({ email: 'a@b.vn', password: 'x'.repeat(300_000) }));
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'payload_too_large', detail: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.' });
  });

  it('covers every registered problem code (the registry types AppError, so none can be left out)', () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual(Object.keys(PROBLEM_CODES).sort());
  });

  it.each(Object.keys(PROBLEM_CODES) as ProblemCode[])('%s reads in Vietnamese, with dates and periods as people write them', async (code) => {
    const { status, body } = await TRIGGERS[code]();
    expect({ status, code: body.code }).toEqual({ status: PROBLEM_CODES[code] ?? status, code });
    const texts = [body.title, body.detail ?? '', ...(body.errors ?? []).map((error) => error.message)];
    for (const text of texts.filter(Boolean)) {
      expect({ text, vietnamese: isVietnamese(text) }).toEqual({ text, vietnamese: true });
      expect(text).not.toMatch(ISO_DATE);
      // A refused period key is named as it was given: that one is the subject, not a period.
      if (code !== 'invalid_period') expect(text).not.toMatch(PERIOD_KEY);
    }
  });

  describe('e-mails', () => {
    const reminder: ReminderMailValues = {
      recipient: 'Sở Khoa học và Công nghệ tỉnh Tuyên Quang',
      obligationCode: 'BC-QUY-TTTT-TINH',
      obligationTitle: 'Báo cáo quý kết quả hoạt động bưu chính, viễn thông và chuyển đổi số cấp tỉnh',
      issuingBody: 'Bộ Khoa học và Công nghệ',
      periodLabel: 'Quý III/2025',
      dueDate: '2025-09-19',
      daysUntilDue: 7,
      submissionStatus: 'not_started',
      escalated: false,
      manual: false,
      publicUrl: 'https://baocao.example.gov.vn',
      periodKey: '2025-Q3',
      unitId: '0b8f6a8e-2f36-4c1b-9a51-3b1f4c1d2e3f',
    };
    const review: ReviewMailValues = {
      decision: 'return',
      obligationCode: 'BC-QUY-TTTT-TINH',
      obligationTitle: reminder.obligationTitle,
      period: 'Quý III/2025',
      unit: 'Tuyên Quang',
      recipient: 'Sở Khoa học và Công nghệ tỉnh Tuyên Quang',
      version: 2,
      reviewer: 'reviewer@baocao.local',
      decidedAt: new Date('2025-09-24T09:30:00Z'),
      comment: 'Doanh thu chưa khớp',
      remarks: [{ row: 3, field: 'doanh_thu_buu_chinh', message: 'Kiểm tra lại doanh thu' }],
      fieldLabels: { doanh_thu_buu_chinh: 'Doanh thu dịch vụ bưu chính' },
      link: 'https://baocao.example.gov.vn/bao-cao/BC-QUY-TTTT-TINH/2025-Q3/0b8f6a8e-2f36-4c1b-9a51-3b1f4c1d2e3f',
    };
    /** Every template, in every wording it has. */
    const MAILS: Record<string, MailContent> = {
      'reminder before the due date': reminderMail(reminder),
      'reminder on the due date': reminderMail({ ...reminder, daysUntilDue: 0 }),
      'overdue reminder to the leadership': reminderMail({ ...reminder, daysUntilDue: -9, escalated: true, submissionStatus: 'returned' }),
      'reminder asked for by a person': reminderMail({ ...reminder, manual: true, submissionStatus: 'draft' }),
      'campaign summary': campaignSummaryMail({ ...reminder, expectedUnits: 34, remindersSent: 12 }),
      'approval': reviewMail({ ...review, decision: 'approve', remarks: [] }),
      'return with remarks': reviewMail(review),
      'reopening': reviewMail({ ...review, decision: 'reopen', remarks: [] }),
    };
    /** A call of renderMailTemplate outside comments. */
    const rendersMail = (source: string) => source.split('\n').some((line) => !/^\s*(\*|\/\/)/.test(line) && line.includes('renderMailTemplate('));
    /** What a person reads: text without links (they carry machine paths) and HTML without tags. */
    const readable = (mail: MailContent) =>
      [mail.subject, mail.text, mail.html.replace(/<[^>]+>/g, ' ')].map((part) => part.replace(/https?:\/\/\S+/g, ' ').replace(/href="[^"]*"/g, ''));

    it('covers every file that renders a mail template', () => {
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const path = join(dir, name);
          if (statSync(path).isDirectory()) walk(path);
          else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && !path.endsWith('mail-template.ts') && rendersMail(readFileSync(path, 'utf8'))) files.push(path);
        }
      };
      walk(join(__dirname, '..', '..', 'src'));
      expect(files.map((file) => file.split('/src/')[1]).sort()).toEqual(['reminders/reminder-mail.ts', 'reviews/review-mail.ts']);
    });

    it.each(Object.keys(MAILS))('%s reads in Vietnamese, dates dd/mm/yyyy in Vietnam time, periods and columns by their label', (name) => {
      for (const part of readable(MAILS[name])) {
        expect(isVietnamese(part)).toBe(true);
        expect(part).not.toMatch(ISO_DATE);
        expect(part).not.toMatch(PERIOD_KEY);
        expect(part).not.toMatch(/\b[a-z]+_[a-z0-9_]+\b/);
      }
    });

    it('writes the days and times of the examples as people do', () => {
      expect(MAILS['reminder before the due date'].text).toContain('Hạn nộp: 19/09/2025 (còn 7 ngày)');
      expect(MAILS['return with remarks'].text).toContain('lúc 24/09/2025 16:30');
      expect(MAILS['return with remarks'].text).toContain('dòng 3, cột "Doanh thu dịch vụ bưu chính": Kiểm tra lại doanh thu');
    });
  });
});
