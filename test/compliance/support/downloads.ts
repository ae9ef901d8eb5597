import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Test } from 'supertest';

/** Collects a response body as bytes, whatever its media type. */
export function asBytes(request: Test): Test {
  return request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A CSV file's records, after checking and removing its UTF-8 byte order mark. */
export function readCsv(bytes: Buffer): string[][] {
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error('CSV without a UTF-8 byte order mark');
  return parse(bytes.subarray(3).toString('utf8'));
}

/** The values of a worksheet row, from column 1. */
export function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}
