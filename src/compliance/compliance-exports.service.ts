import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AggregatesService } from './aggregates.service';
import { ComplianceContext } from './compliance-context.service';
import { CompletionService } from './completion.service';
import { aggregatesDocument } from './exports/aggregates-export';
import { completionDocument } from './exports/completion-export';
import type { ExportDocument, ExportFormat } from './exports/export-document';
import { matrixDocument } from './exports/matrix-export';
import { type ExportFile, renderExport } from './exports/render-export';
import { MatrixService, WHOLE_MATRIX } from './matrix.service';

/** The completion table, the matrices and the aggregates as XLSX or CSV files. */
@Injectable()
export class ComplianceExportsService {
  constructor(
    private readonly context: ComplianceContext,
    private readonly completion: CompletionService,
    private readonly matrices: MatrixService,
    private readonly aggregates: AggregatesService,
  ) {}

  async completionTable(code: string, periodKey: string, format: ExportFormat): Promise<ExportFile> {
    return this.render(completionDocument(await this.completion.units(code, periodKey)), format);
  }

  async matrixByPeriods(code: string, from: string | undefined, to: string | undefined, format: ExportFormat, user: AuthenticatedUser): Promise<ExportFile> {
    return this.render(matrixDocument(await this.matrices.byPeriods(code, from, to, WHOLE_MATRIX, user)), format);
  }

  async matrixByObligations(periodKey: string, format: ExportFormat, user: AuthenticatedUser): Promise<ExportFile> {
    return this.render(matrixDocument(await this.matrices.byObligations(periodKey, WHOLE_MATRIX, user)), format);
  }

  async nationalAggregates(code: string, periodKey: string, format: ExportFormat): Promise<ExportFile> {
    return this.render(aggregatesDocument(await this.aggregates.aggregates(code, periodKey)), format);
  }

  private render(document: ExportDocument, format: ExportFormat): Promise<ExportFile> {
    return renderExport(document, format, this.context.now());
  }
}
