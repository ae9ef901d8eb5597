import { StreamableFile } from '@nestjs/common';
import { attachmentDisposition } from '../common/content-disposition';
import type { ExportFile } from './exports/render-export';

/** An export as a download: its media type and an attachment disposition with the Vietnamese-safe file name. */
export function exportResponse(file: ExportFile): StreamableFile {
  return new StreamableFile(file.content, { type: file.mediaType, disposition: attachmentDisposition(file.fileName), length: file.content.length });
}
