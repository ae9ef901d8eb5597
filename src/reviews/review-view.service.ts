import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../access/authenticated-user';
import type { Environment } from '../config/environment';
import { UnitHistoryService } from '../history/unit-history.service';
import { type Period, previousPeriod, samePeriodLastYear } from '../periods/domain';
import type { SubmissionTarget } from '../submission-targets/submission-target.service';
import { SubmissionStorage } from '../submissions/submission-storage.repository';
import { SubmissionsService } from '../submissions/submissions.service';
import type { FieldDefinition, ReportSchemaDefinition } from '../validation/domain/schema-definition';
import { compareTotals, type FieldTotals } from './domain/period-comparison';
import { ComparisonDto, ReviewViewDto } from './dto/review.dto';
import { ReviewsService } from './reviews.service';

const PREVIEW_ROWS = 100;

/** What a reviewer sees: the version, its report and rows, comparisons with earlier periods, earlier reviews. */
@Injectable()
export class ReviewViewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly submissions: SubmissionsService,
    private readonly reviews: ReviewsService,
    private readonly config: ConfigService<Environment, true>,
    private readonly history: UnitHistoryService,
    private readonly storage: SubmissionStorage,
  ) {}

  async view(submissionId: string, user: AuthenticatedUser): Promise<ReviewViewDto> {
    const { submission, target } = await this.submissions.byId(submissionId, user);
    const versionId = submission.submittedVersionId ?? submission.currentVersionId;
    const thresholdPercent = this.config.get('REVIEW_CHANGE_THRESHOLD_PERCENT', { infer: true });
    const fields = versionId ? await this.numericFields(versionId) : [];
    const totals = versionId ? await this.totals(versionId, fields) : {};
    return {
      submission: await this.submissions.viewOf(target, submission),
      version: versionId ? await this.submissions.versionById(versionId) : null,
      rows: versionId ? await this.storage.rowsSlice(versionId, 0, PREVIEW_ROWS) : [],
      thresholdPercent,
      previousPeriod: await this.compare(target, previousPeriod(target.period), fields, totals, thresholdPercent),
      samePeriodLastYear: await this.compare(target, samePeriodLastYear(target.period), fields, totals, thresholdPercent),
      reviews: await this.reviews.history(submission.id),
      justification: versionId ? await this.justificationOf(versionId) : null,
      changesSinceLastReview: await this.changesSinceLastReview(submission.id, versionId),
    };
  }

  private async compare(target: SubmissionTarget, period: Period, fields: FieldDefinition[], current: FieldTotals, threshold: number): Promise<ComparisonDto> {
    const existedThen = target.unit.validFrom <= period.end;
    if (!existedThen) {
      // Before a merger the unit is compared with the approved values of the units it replaced, summed.
      const before = await this.history.valuesFor(target.obligation, period, target.unit.id);
      const anyApproved = before.units.some((unit) => unit.approved);
      return {
        periodKey: period.key,
        status: anyApproved ? 'approved' : 'not_started',
        versionNumber: null,
        predecessors: before.units.map((unit) => unit.code),
        changes: compareTotals(fields, current, anyApproved ? before.values : null, threshold),
      };
    }
    const other = await this.storage.submittedOf(target.obligation.id, period.key, target.unit.id);
    const previous = other?.versionId ? await this.totals(other.versionId, fields) : null;
    return {
      periodKey: period.key,
      status: other?.status ?? 'not_started',
      versionNumber: other?.number ?? null,
      changes: compareTotals(fields, current, previous, threshold),
    };
  }

  private async justificationOf(versionId: string): Promise<ReviewViewDto['justification']> {
    const [row] = await this.db.query(
      'SELECT general, per_warning AS "perWarning", justified_at AS "justifiedAt" FROM version_justifications WHERE version_id = $1',
      [versionId],
    );
    return row ?? null;
  }

  /** After a return: what the officer changed between the returned version and the one now submitted. */
  private async changesSinceLastReview(submissionId: string, versionId: string | null): Promise<ReviewViewDto['changesSinceLastReview']> {
    if (!versionId) return null;
    const [last]: Array<{ versionId: string; comment: string | null }> = await this.db.query(
      `SELECT r.version_id AS "versionId", r.comment FROM reviews r
        WHERE r.submission_id = $1 AND r.decision IN ('return', 'reopen') ORDER BY r.decided_at DESC LIMIT 1`,
      [submissionId],
    );
    if (!last) return null;
    const numbers = await this.storage.numbersOf([last.versionId, versionId]);
    const from = numbers.get(last.versionId) as number;
    const to = numbers.get(versionId) as number;
    if (from === to) return null;
    return { returnedComment: last.comment, ...(await this.submissions.diffVersions(submissionId, from, to)) };
  }

  private async numericFields(versionId: string): Promise<FieldDefinition[]> {
    const definition = (await this.storage.definitionOf(versionId)) as ReportSchemaDefinition;
    return definition.fields.filter((f) => (f.type === 'integer' || f.type === 'decimal') && f.aggregate !== 'none');
  }

  /** Sums of numeric fields over a version's rows. */
  private async totals(versionId: string, fields: FieldDefinition[]): Promise<FieldTotals> {
    if (fields.length === 0) return {};
    const rows = await this.storage.fieldTotals(versionId, fields.map((f) => f.key));
    return Object.fromEntries(rows.filter((row) => row.total !== null).map((row) => [row.key, Number(row.total)]));
  }
}
