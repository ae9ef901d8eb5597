import { normalizeHeader } from './normalize-header';

describe('normalizeHeader', () => {
  it('folds the label, an unaccented spelling and the upper-case form to the same key', () => {
    expect(normalizeHeader('Số lượng  trong năm (*)')).toBe('so luong trong nam');
    expect(normalizeHeader('so luong trong nam')).toBe('so luong trong nam');
    expect(normalizeHeader('SỐ LƯỢNG TRONG NĂM')).toBe('so luong trong nam');
  });

  it('treats decomposed (NFD) input like composed input', () => {
    const decomposed = 'Số lượng lũy kế'.normalize('NFD');
    expect(decomposed).not.toBe('Số lượng lũy kế');
    expect(normalizeHeader(decomposed)).toBe('so luong luy ke');
  });

  it('maps đ and Đ to d, including the eth that legacy converters put in place of Đ', () => {
    expect(normalizeHeader('Đơn vị')).toBe('don vi');
    expect(normalizeHeader('được')).toBe('duoc');
    expect(normalizeHeader('Ðơn vị')).toBe('don vi');
  });

  it('strips every Vietnamese tone and vowel mark', () => {
    expect(normalizeHeader('ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỷỳỹỵý')).toBe(
      'aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy',
    );
  });

  it('drops punctuation such as ( ) . : * and collapses the resulting spaces', () => {
    expect(normalizeHeader('Ghi chú:')).toBe('ghi chu');
    expect(normalizeHeader('(1)')).toBe('1');
    expect(normalizeHeader('Tỷ lệ (%)')).toBe('ty le');
    expect(normalizeHeader('STT.')).toBe('stt');
    expect(normalizeHeader('Chi nhánh, văn phòng đại diện')).toBe('chi nhanh van phong dai dien');
    expect(normalizeHeader('Bà Rịa - Vũng Tàu')).toBe('ba ria vung tau');
  });

  it('keeps underscores so a field key normalises to itself', () => {
    expect(normalizeHeader('so_luong_trong_nam')).toBe('so_luong_trong_nam');
  });

  it('trims and collapses tabs, newlines, NBSP and a byte-order mark', () => {
    expect(normalizeHeader('\ufeff  Số lượng\u00a0\ttrong\nnăm  ')).toBe('so luong trong nam');
  });

  it('removes zero-width characters copied from web pages', () => {
    expect(normalizeHeader('Ghi\u200b chú')).toBe('ghi chu');
  });

  it('returns an empty string for a header of only punctuation or spaces', () => {
    expect(normalizeHeader('  (*) ')).toBe('');
    expect(normalizeHeader('')).toBe('');
  });
});
