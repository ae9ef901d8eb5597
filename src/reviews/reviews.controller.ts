import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, CurrentUser, Roles } from '../access/access.decorators';
import type { AuthenticatedUser } from '../access/authenticated-user';
import { type Actor, CurrentActor } from '../audit/actor';
import { AuditEventListDto } from '../audit/dto/audit.dto';
import { AuditQueryService } from '../audit/audit-query.service';
import { ApiSecured } from '../common/api-problems.decorator';
import { SubmissionDto } from '../submissions/dto/submission.dto';
import { SubmissionsService } from '../submissions/submissions.service';
import { DecisionDto, ReopenDto, ReviewViewDto, SubmissionListDto, SubmissionListQueryDto } from './dto/review.dto';
import { ReviewViewService } from './review-view.service';
import { ReviewsService } from './reviews.service';
import { SubmissionListService } from './submission-list.service';

@ApiTags('Thẩm định báo cáo (review)')
@Controller('api/v1/submissions')
export class ReviewsController {
  constructor(
    private readonly list: SubmissionListService,
    private readonly views: ReviewViewService,
    private readonly reviews: ReviewsService,
    private readonly submissions: SubmissionsService,
    private readonly audit: AuditQueryService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Submissions across units (review queue: ?status=submitted); officers see their own unit only', operationId: 'listSubmissions' })
  @ApiOkResponse({ type: SubmissionListDto })
  @ApiSecured(422)
  find(@Query() query: SubmissionListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<SubmissionListDto> {
    return this.list.list(query, user);
  }

  @Get(':id/review')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Review view: version, report, rows, comparison with the previous period and last year, earlier reviews', operationId: 'getReviewView' })
  @ApiOkResponse({ type: ReviewViewDto })
  @ApiSecured(400, 404)
  view(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<ReviewViewDto> {
    return this.views.view(id, user);
  }

  @Post(':id/decisions')
  @Roles('ministry_reviewer', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve or return the submitted version (comment required to return); stale or concurrent decisions get 409', operationId: 'decideSubmission' })
  @ApiOkResponse({ type: SubmissionDto })
  @ApiSecured(400, 404, 409, 422)
  decide(@Param('id', ParseUUIDPipe) id: string, @Body() body: DecisionDto, @CurrentActor() actor: Actor): Promise<SubmissionDto> {
    return this.reviews.decide(id, body, actor);
  }

  @Post(':id/reopen')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen an approved submission (admin, with a reason): it goes back to the unit as returned', operationId: 'reopenSubmission' })
  @ApiOkResponse({ type: SubmissionDto })
  @ApiSecured(400, 404, 409, 422)
  reopen(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReopenDto, @CurrentActor() actor: Actor): Promise<SubmissionDto> {
    return this.reviews.reopen(id, body, actor);
  }

  @Get(':id/history')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: "The submission's own audit trail (every state change: who, when, from, to, why)", operationId: 'getSubmissionHistory' })
  @ApiOkResponse({ type: AuditEventListDto })
  @ApiSecured(400, 404)
  async history(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<AuditEventListDto> {
    await this.submissions.byId(id, user);
    return this.audit.list({ entityType: 'submission', entityId: id, pageSize: 500, sort: 'asc' });
  }
}
