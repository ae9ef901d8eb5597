import { escapeHtml, renderMailTemplate } from './mail-template';

describe('renderMailTemplate', () => {
  const template = {
    subject: 'Nhắc nộp báo cáo {{obligation}} kỳ {{period}}',
    body: 'Kính gửi {{unit}},\n\nHạn nộp báo cáo là {{dueDate}}.\nCòn {{days}} ngày.\n\nGhi chú: <b>{{note}}</b>',
    action: { label: 'Nộp báo cáo', url: '{{link}}' },
    footer: 'Trân trọng,\nBộ Khoa học và Công nghệ',
  };
  const values = {
    obligation: 'TT35-BUU-CHINH',
    period: 'Quý 1/2024',
    unit: 'Sở KH&CN <Hà Nội>',
    dueDate: '14/03/2024',
    days: 7,
    note: '"Xem" & sửa',
    link: 'https://baocao.example.gov.vn/nop?ky=2024-Q1&don-vi=01',
  };

  it('fills the subject and the plain text without escaping', () => {
    const content = renderMailTemplate(template, values);
    expect(content.subject).toBe('Nhắc nộp báo cáo TT35-BUU-CHINH kỳ Quý 1/2024');
    expect(content.text).toBe(
      'Kính gửi Sở KH&CN <Hà Nội>,\n\nHạn nộp báo cáo là 14/03/2024.\nCòn 7 ngày.\n\nGhi chú: <b>"Xem" & sửa</b>\n\n' +
        'Nộp báo cáo: https://baocao.example.gov.vn/nop?ky=2024-Q1&don-vi=01\n\nTrân trọng,\nBộ Khoa học và Công nghệ\n',
    );
  });

  it('escapes template text and values alike in the HTML part, with paragraphs and line breaks', () => {
    const { html } = renderMailTemplate(template, values);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<p>Kính gửi Sở KH&amp;CN &lt;Hà Nội&gt;,</p>');
    expect(html).toContain('<p>Hạn nộp báo cáo là 14/03/2024.<br>\nCòn 7 ngày.</p>');
    expect(html).toContain('<p>Ghi chú: &lt;b&gt;&quot;Xem&quot; &amp; sửa&lt;/b&gt;</p>');
    expect(html).toContain('<a href="https://baocao.example.gov.vn/nop?ky=2024-Q1&amp;don-vi=01">Nộp báo cáo</a>');
    expect(html).not.toMatch(/<b>|<Hà/);
  });

  it('produces NFC whatever the normalisation of the template and the values', () => {
    const decomposed = renderMailTemplate({ subject: 'Báo cáo {{x}}'.normalize('NFD'), body: 'Đã nộp'.normalize('NFD') }, { x: 'Quý'.normalize('NFD') });
    expect(decomposed.subject).toBe('Báo cáo Quý'.normalize('NFC'));
    expect(decomposed.subject).toBe(decomposed.subject.normalize('NFC'));
    expect(decomposed.text).toBe('Đã nộp\n');
  });

  it('keeps the subject on one line, so no value can add a header', () => {
    expect(renderMailTemplate({ subject: 'Báo cáo {{x}}', body: '' }, { x: 'a\r\nBcc: x@y.vn' }).subject).toBe('Báo cáo a Bcc: x@y.vn');
  });

  it('refuses a missing value and a link that is not http(s)', () => {
    expect(() => renderMailTemplate(template, { ...values, unit: undefined as unknown as string })).toThrow('no value for {{unit}}');
    expect(() => renderMailTemplate(template, { ...values, link: 'javascript:alert(1)' })).toThrow(/http\(s\) URL/);
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
