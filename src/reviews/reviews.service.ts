import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../access/authenticated-user';
import type { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { conflict } from '../common/app-error';
import type { Environment } from '../config/environment';
import { MailService } from '../mail/mail.service';
import { ObligationBodiesService } from '../obligations/obligation-bodies.service';
import { vietnamDateOf } from '../periods/domain';
import { DepartmentsService } from '../units/departments.service';
import { nextStatus, type SubmissionAction, transitionRefusal } from '../submissions/domain/submission-status';
import type { SubmissionDto } from '../submissions/dto/submission.dto';
import { Submission } from '../submissions/submission.entity';
import type { SubmissionTarget } from '../submission-targets/submission-target.service';
import { SubmissionStorage } from '../submissions/submission-storage.repository';
import { SubmissionsService } from '../submissions/submissions.service';
import { DecisionDto, ReopenDto, ReviewDto } from './dto/review.dto';
import { Review, type ReviewRemark } from './review.entity';
import { pageUrl, submissionPagePath } from '../web/page-links';
import { reviewMail } from './review-mail';

const AUDIT_ACTIONS: Record<'approve' | 'return' | 'reopen', string> = {
  approve: 'submission.approved',
  return: 'submission.returned',
  reopen: 'submission.reopened',
};

/** Reviewers approve or return a submitted version; admins may reopen an approved one. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly submissions: SubmissionsService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly config: ConfigService<Environment, true>,
    private readonly bodies: ObligationBodiesService,
    private readonly departments: DepartmentsService,
    private readonly storage: SubmissionStorage,
  ) {}

  async decide(submissionId: string, input: DecisionDto, actor: Actor): Promise<SubmissionDto> {
    return this.db.transaction(async (manager) => {
      const { submission, target } = await this.submissions.byId(submissionId, actor.user as AuthenticatedUser, manager, true);
      this.checkRevision(submission, input.expectedRevision);
      const to = this.checkTransition(submission, input.decision);
      const version = await this.storage.numberOf(submission.submittedVersionId, manager);
      if (!version || version.number !== input.versionNumber) {
        throw conflict('stale_version', `Phiên bản đang chờ duyệt là ${version?.number ?? '—'}, không phải ${input.versionNumber}; hãy tải lại trước khi quyết định.`, {
          submittedVersion: version?.number ?? null,
        });
      }
      const saved = await this.record(manager, actor, target, submission, {
        decision: input.decision,
        to,
        versionId: version.id,
        versionNumber: version.number,
        comment: input.comment?.normalize('NFC').trim() || null,
        remarks: (input.remarks ?? []).map((remark) => ({ ...remark, message: remark.message.normalize('NFC').trim() })),
      });
      // Read before the commit: an answer that failed after it would report a decision taken as failed.
      return this.submissions.viewOf(target, saved, manager);
    });
  }

  async reopen(submissionId: string, input: ReopenDto, actor: Actor): Promise<SubmissionDto> {
    return this.db.transaction(async (manager) => {
      const { submission, target } = await this.submissions.byId(submissionId, actor.user as AuthenticatedUser, manager, true);
      this.checkRevision(submission, input.expectedRevision);
      const to = this.checkTransition(submission, 'reopen');
      const version = (await this.storage.numberOf(submission.submittedVersionId, manager)) as { id: string; number: number };
      const saved = await this.record(manager, actor, target, submission, {
        decision: 'reopen',
        to,
        versionId: version.id,
        versionNumber: version.number,
        comment: input.reason.normalize('NFC').trim(),
        remarks: [],
      });
      return this.submissions.viewOf(target, saved, manager);
    });
  }

  async history(submissionId: string, manager: EntityManager = this.db.manager): Promise<ReviewDto[]> {
    const reviews: Array<Omit<ReviewDto, 'versionNumber'> & { versionId: string }> = await manager.query(
      `SELECT r.id, r.decision, r.version_id AS "versionId", r.comment, r.remarks, u.email AS "reviewerEmail",
              r.reviewer_role AS "reviewerRole", r.decided_at AS "decidedAt"
         FROM reviews r LEFT JOIN users u ON u.id = r.reviewer_id
        WHERE r.submission_id = $1 ORDER BY r.decided_at, r.submission_revision`,
      [submissionId],
    );
    const numbers = await this.storage.numbersOf([...new Set(reviews.map((review) => review.versionId))], manager);
    return reviews.map(({ versionId, ...review }) => ({ ...review, versionNumber: numbers.get(versionId) as number }));
  }

  private checkRevision(submission: Submission, expected: number): void {
    if (submission.revision !== expected) {
      throw conflict('stale_revision', 'Báo cáo đã thay đổi (có quyết định khác hoặc đã gửi lại) kể từ khi bạn mở; hãy tải lại.', {
        currentRevision: submission.revision,
      });
    }
  }

  private checkTransition(submission: Submission, action: SubmissionAction) {
    const to = nextStatus(submission.status, action);
    if (!to) throw conflict('illegal_transition', transitionRefusal(submission.status, action), { submissionStatus: submission.status });
    return to;
  }

  private async record(
    manager: EntityManager,
    actor: Actor,
    target: SubmissionTarget,
    submission: Submission,
    decision: { decision: 'approve' | 'return' | 'reopen'; to: Submission['status']; versionId: string; versionNumber: number; comment: string | null; remarks: ReviewRemark[] },
  ): Promise<Submission> {
    const review = await manager.getRepository(Review).save({
      submissionId: submission.id,
      versionId: decision.versionId,
      submissionRevision: submission.revision,
      decision: decision.decision,
      comment: decision.comment,
      remarks: decision.remarks,
      reviewerId: actor.user?.id ?? null,
      reviewerRole: actor.user?.role ?? null,
    });
    const from = submission.status;
    submission.status = decision.to;
    const saved = await manager.getRepository(Submission).save(submission);
    await this.audit.record(manager, actor, {
      action: AUDIT_ACTIONS[decision.decision],
      entityType: 'submission',
      entityId: submission.id,
      before: { status: from },
      after: { status: decision.to, version: decision.versionNumber, reviewId: review.id, remarks: decision.remarks.length },
      reason: decision.comment,
    });
    await this.notify(manager, target, review, decision.versionNumber, actor);
    return saved;
  }

  /** Queues the e-mail to the unit's officers in the same transaction as the decision. */
  private async notify(manager: EntityManager, target: SubmissionTarget, review: Review, versionNumber: number, actor: Actor): Promise<void> {
    const officers: Array<{ email: string }> = await manager.query(
      `SELECT email FROM users WHERE unit_id = $1 AND role = 'province_officer' AND active ORDER BY email`,
      [target.unit.id],
    );
    const to = [...new Set([...target.unit.submitterEmails, ...officers.map((o) => o.email)])];
    if (to.length === 0) return;
    const base = this.config.get('PUBLIC_URL', { infer: true }) as string;
    const day = vietnamDateOf(review.decidedAt);
    const definition = await this.storage.definitionOf(review.versionId, manager);
    await this.mail.enqueue(manager, {
      key: `review:${review.id}`,
      kind: `review.${review.decision}`,
      to,
      content: reviewMail({
        decision: review.decision,
        obligationCode: target.obligation.code,
        obligationTitle: target.obligation.title,
        period: target.period.label,
        unit: target.unit.name,
        recipient: await this.departments.nameOf(target.unit, day, manager),
        version: versionNumber,
        reviewer: actor.user?.email ?? (await this.bodies.on(target.obligation, day, manager)).receivingBody ?? target.obligation.issuingBody,
        decidedAt: review.decidedAt,
        comment: review.comment,
        remarks: review.remarks,
        fieldLabels: Object.fromEntries((definition?.fields ?? []).map((field) => [field.key, field.label])),
        link: pageUrl(base, submissionPagePath(target.obligation.code, target.period.key, target.unit.id)),
      }),
      context: { submissionId: review.submissionId, reviewId: review.id },
    });
  }
}
