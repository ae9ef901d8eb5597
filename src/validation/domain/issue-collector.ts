import type { ValidationIssue } from './validation-issue';

export interface IssueSummary {
  errorCount: number;
  warningCount: number;
  infoCount: number;
  countsByCode: Record<string, number>;
  /** At most maxIssues: file-level issues (row null) first, then by row. */
  issues: ValidationIssue[];
  truncated: boolean;
}

/**
 * Counts every issue but keeps only the first `maxIssues` row issues, so memory stays bounded
 * however bad a file is. File-level issues, few and decisive, are kept separately and win a
 * place in the summary over the last row issues.
 */
export class IssueCollector {
  private readonly rowIssues: ValidationIssue[] = [];
  private readonly fileIssues: ValidationIssue[] = [];
  private readonly countsByCode: Record<string, number> = {};
  private total = 0;
  private errorCount = 0;
  private warningCount = 0;
  private infoCount = 0;

  constructor(private readonly maxIssues: number) {}

  add(issue: ValidationIssue): void {
    this.total += 1;
    if (issue.severity === 'error') this.errorCount += 1;
    else if (issue.severity === 'warning') this.warningCount += 1;
    else this.infoCount += 1;
    this.countsByCode[issue.code] = (this.countsByCode[issue.code] ?? 0) + 1;
    if (issue.row === null) this.fileIssues.push(issue);
    else if (this.rowIssues.length < this.maxIssues) this.rowIssues.push(issue);
  }

  summary(): IssueSummary {
    const byRow = [...this.rowIssues].sort((left, right) => (left.row ?? 0) - (right.row ?? 0));
    const issues = [...this.fileIssues, ...byRow].slice(0, this.maxIssues);
    return {
      errorCount: this.errorCount,
      warningCount: this.warningCount,
      infoCount: this.infoCount,
      countsByCode: { ...this.countsByCode },
      issues,
      truncated: issues.length < this.total,
    };
  }
}
