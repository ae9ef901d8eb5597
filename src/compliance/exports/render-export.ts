import { toCsv } from './csv-writer';
import { type ExportDocument, type ExportRequest, MEDIA_TYPES } from './export-document';
import { toXlsx } from './xlsx-writer';

export interface ExportFile {
  content: Buffer;
  mediaType: string;
  fileName: string;
}

export async function renderExport(document: ExportDocument, { format, dialect = 'rfc4180' }: ExportRequest, generatedAt: Date): Promise<ExportFile> {
  return {
    content: format === 'xlsx' ? await toXlsx(document, generatedAt) : toCsv(document.sheets[document.csvSheet], dialect),
    mediaType: MEDIA_TYPES[format],
    fileName: `${document.baseName}${format === 'csv' && dialect === 'excel-vn' ? '-excel' : ''}.${format}`,
  };
}
