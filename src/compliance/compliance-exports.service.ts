import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../access/authenticated-user';
import { AggregatesService } from './aggregates.service';
import { ComplianceContext } from './compliance-context.service';
import { CompletionService } from './completion.service';
import { aggregatesDocument } from './exports/aggregates-export';
import { completionDocument } from './exports/completion-export';
import type { ExportDocument, ExportRequest } from './exports/export-document';
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

  async completionTable(code: string, periodKey: string, request: ExportRequest): Promise<ExportFile> {
    return this.render(completionDocument(await this.completion.units(code, periodKey)), request);
  }

  async matrixByPeriods(code: string, from: string | undefined, to: string | undefined, request: ExportRequest, user: AuthenticatedUser): Promise<ExportFile> {
    return this.render(matrixDocument(await this.matrices.byPeriods(code, from, to, WHOLE_MATRIX, user)), request);
  }

  async matrixByObligations(periodKey: string, request: ExportRequest, user: AuthenticatedUser): Promise<ExportFile> {
    return this.render(matrixDocument(await this.matrices.byObligations(periodKey, WHOLE_MATRIX, user)), request);
  }

  async nationalAggregates(code: string, periodKey: string, request: ExportRequest): Promise<ExportFile> {
    return this.render(aggregatesDocument(await this.aggregates.aggregates(code, periodKey)), request);
  }

  private render(document: ExportDocument, request: ExportRequest): Promise<ExportFile> {
    return renderExport(document, request, this.context.now());
  }
}
