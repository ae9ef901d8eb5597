import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A 200 response whose body is a file of one of these media types (a JSON file is any JSON). */
export function ApiFileResponse(description: string, ...mediaTypes: string[]) {
  const content = Object.fromEntries(
    mediaTypes.map((mediaType) => [mediaType, { schema: mediaType === 'application/json' ? { description: 'The JSON file as uploaded' } : { type: 'string', format: 'binary' } }]),
  );
  return applyDecorators(ApiOkResponse({ description, content }));
}
