import { Body, Controller, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../access/access.decorators';
import { type Actor, CurrentActor } from '../../audit/actor';
import { ApiSecured } from '../../common/api-problems.decorator';
import { BackfillFormDto, BackfillResultDto } from '../dto/backfill.dto';
import type { UploadedFile as UploadedFileData } from '../upload.service';
import { MultipartFileInterceptor } from '../multipart-file.interceptor';
import { BackfillService } from './backfill.service';

@ApiTags('Nạp bù số liệu lịch sử (backfill)')
@Controller('api/v1/obligations/:code/periods/:periodKey/backfill')
export class BackfillController {
  constructor(private readonly backfills: BackfillService) {}

  @Post()
  @Roles('compliance_officer', 'admin')
  @HttpCode(200)
  @UseInterceptors(MultipartFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'reason'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'A ZIP of files named by unit code (79.xlsx, 01.csv…), or one CSV/XLSX/JSON file with a "Mã đơn vị" column' },
        reason: { type: 'string', description: 'Why the history is loaded (audit trail)' },
      },
    },
  })
  @ApiOperation({
    summary:
      'Load the reports of many units for a period due before the obligation is tracked: validated like uploads, approved as backfilled, never late; all or nothing (422 backfill_rejected lists each unit)',
    operationId: 'backfillPeriod',
  })
  @ApiOkResponse({ type: BackfillResultDto })
  @ApiSecured(404, 409, 413, 415, 422)
  backfill(
    @Param('code') code: string,
    @Param('periodKey') periodKey: string,
    @Body() body: BackfillFormDto,
    @UploadedFile() file: UploadedFileData | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<BackfillResultDto> {
    return this.backfills.backfill(code, periodKey, file, body.reason, actor);
  }
}
