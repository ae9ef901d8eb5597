import { campaignSummaryMail, reminderMail, type ReminderMailValues } from './reminder-mail';

const values: ReminderMailValues = {
  recipient: 'Sở Thông tin và Truyền thông Thành phố Hà Nội',
  obligationCode: 'TT35-BUU-CHINH',
  obligationTitle: 'Báo cáo hoạt động cấp giấy phép bưu chính',
  issuingBody: 'Bộ Thông tin và Truyền thông',
  periodLabel: 'Năm 2024',
  dueDate: '2025-02-04',
  daysUntilDue: 7,
  submissionStatus: 'not_started',
  escalated: false,
  manual: false,
  publicUrl: 'https://baocao.example.gov.vn',
  periodKey: '2024-Y',
  unitId: 'u-1',
};

describe('reminderMail', () => {
  it('names the report, period, due date, days left and what is missing, with the links', () => {
    const mail = reminderMail(values);
    expect(mail.subject).toBe('Nhắc hạn nộp báo cáo TT35-BUU-CHINH kỳ Năm 2024: còn 7 ngày (hạn 04/02/2025)');
    expect(mail.text).toContain('Kính gửi Sở Thông tin và Truyền thông Thành phố Hà Nội,');
    expect(mail.text).toMatch(/Trân trọng,\nBộ Thông tin và Truyền thông\n/);
    expect(mail.text).toContain('Báo cáo: Báo cáo hoạt động cấp giấy phép bưu chính (mã TT35-BUU-CHINH)\nKỳ báo cáo: Năm 2024\nHạn nộp: 04/02/2025 (còn 7 ngày)');
    expect(mail.text).toContain('Tình trạng: chưa nộp: đơn vị chưa tải lên báo cáo nào cho kỳ này');
    expect(mail.text).toContain('Mở trang nộp báo cáo: https://baocao.example.gov.vn/bao-cao/TT35-BUU-CHINH/2024-Y/u-1');
    expect(mail.html).toContain('<a href="https://baocao.example.gov.vn/bao-cao/TT35-BUU-CHINH/2024-Y/u-1">Mở trang nộp báo cáo</a>');
    expect(`${mail.text}${mail.html}`).not.toContain('/api/');
    expect(mail.text).not.toContain('lãnh đạo');
  });

  it('words the due date and overdue reminders, and mentions the leadership copy when escalated', () => {
    expect(reminderMail({ ...values, daysUntilDue: 0 }).subject).toBe('Hôm nay là hạn nộp báo cáo TT35-BUU-CHINH kỳ Năm 2024 (04/02/2025)');
    const overdue = reminderMail({ ...values, daysUntilDue: -9, escalated: true, submissionStatus: 'returned' });
    expect(overdue.subject).toBe('Quá hạn 9 ngày: báo cáo TT35-BUU-CHINH kỳ Năm 2024 (hạn 04/02/2025)');
    expect(overdue.text).toContain('Hạn nộp: 04/02/2025 (đã quá hạn 9 ngày)');
    expect(overdue.text).toContain('Tình trạng: bị trả lại');
    expect(overdue.text).toContain('Do báo cáo đã quá hạn 9 ngày, thư này được gửi đồng thời tới lãnh đạo đơn vị.');
  });

  it('says when a person asked for it', () => {
    expect(reminderMail({ ...values, manual: true }).text).toContain('Theo đề nghị của cán bộ theo dõi');
  });

  it('is NFC throughout and escapes names in HTML', () => {
    const mail = reminderMail({ ...values, recipient: 'Sở <Khoa học> & Công nghệ'.normalize('NFD') });
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).toBe(part.normalize('NFC'));
    expect(mail.html).toContain('Kính gửi Sở &lt;Khoa học&gt; &amp; Công nghệ,');
  });
});

describe('campaignSummaryMail', () => {
  it('tells the compliance officers that every unit has complied', () => {
    const mail = campaignSummaryMail({
      obligationCode: 'TT35-BUU-CHINH',
      obligationTitle: 'Báo cáo hoạt động cấp giấy phép bưu chính',
      issuingBody: 'Bộ Thông tin và Truyền thông',
      periodLabel: 'Năm 2024',
      dueDate: '2025-02-04',
      expectedUnits: 63,
      remindersSent: 120,
      publicUrl: 'https://baocao.example.gov.vn',
      periodKey: '2024-Y',
    });
    expect(mail.text).toContain('Xem tình hình nộp báo cáo: https://baocao.example.gov.vn/theo-doi/TT35-BUU-CHINH/2024-Y');
    expect(mail.subject).toBe('Hoàn thành báo cáo TT35-BUU-CHINH kỳ Năm 2024: 63/63 đơn vị');
    expect(mail.text).toContain('63/63 đơn vị đã hoàn thành báo cáo "Báo cáo hoạt động cấp giấy phép bưu chính" (mã TT35-BUU-CHINH) kỳ Năm 2024, hạn nộp 04/02/2025.');
    expect(mail.text).toContain('Số thư nhắc đã gửi trong đợt: 120.');
  });
});
