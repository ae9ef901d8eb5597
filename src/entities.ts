import { AuditEvent } from './audit/audit-event.entity';
import { WebSession } from './auth/sessions/web-session.entity';
import { Delivery } from './mail/delivery.entity';
import { MailMessage } from './mail/mail-message.entity';
import { Reminder } from './reminders/reminder.entity';
import { CalendarOverrideRow } from './periods/calendar-override.entity';
import { Obligation } from './obligations/obligation.entity';
import { ObligationBody } from './obligations/obligation-body.entity';
import { ReportSchemaVersion } from './obligations/report-schema-version.entity';
import { EntryLockException } from './locks/entry-lock-exception.entity';
import { Receipt } from './receipts/receipt.entity';
import { Review } from './reviews/review.entity';
import { VersionJustification } from './submissions/version-justification.entity';
import { SubmissionRowPage } from './submissions/submission-row-page.entity';
import { SubmissionVersionChunk } from './submissions/submission-version-chunk.entity';
import { SubmissionVersion } from './submissions/submission-version.entity';
import { Submission } from './submissions/submission.entity';
import { DepartmentName } from './units/department-name.entity';
import { ReportingUnit } from './units/reporting-unit.entity';
import { User } from './users/user.entity';

/** Every TypeORM entity of the application; the data source and the CLI load this list. */
export const ENTITIES = [ReportingUnit, User, AuditEvent, Obligation, ReportSchemaVersion, CalendarOverrideRow, MailMessage, Delivery, Submission, SubmissionVersion, SubmissionVersionChunk, SubmissionRowPage, Review, Receipt, EntryLockException, VersionJustification, Reminder, WebSession, ObligationBody, DepartmentName];
