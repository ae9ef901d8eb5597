import { toCsv } from './csv-writer';
import { type ExportDocument, type ExportFormat, MEDIA_TYPES } from './export-document';
import { toXlsx } from './xlsx-writer';

export interface ExportFile {
  content: Buffer;
  mediaType: string;
  fileName: string;
}

export async function renderExport(document: ExportDocument, format: ExportFormat, generatedAt: Date): Promise<ExportFile> {
  return {
    content: format === 'xlsx' ? await toXlsx(document, generatedAt) : toCsv(document.sheets[document.csvSheet]),
    mediaType: MEDIA_TYPES[format],
    fileName: `${document.baseName}.${format}`,
  };
}
