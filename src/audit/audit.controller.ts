import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorators';
import { ApiSecured } from '../common/api-problems.decorator';
import { AuditQueryService } from './audit-query.service';
import { AuditEventListDto, AuditQueryDto } from './dto/audit.dto';

@ApiTags('Nhật ký kiểm toán (audit)')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @Roles('admin', 'compliance_officer')
  @ApiOperation({ summary: 'The append-only audit trail with filters (admins and compliance officers)', operationId: 'listAuditEvents' })
  @ApiOkResponse({ type: AuditEventListDto })
  @ApiSecured(422)
  list(@Query() query: AuditQueryDto): Promise<AuditEventListDto> {
    return this.audit.list(query);
  }
}
