import type { CellValue } from './cell-value';
import type { IssueCode } from './validation-issue';

/** A value that was read, with something the officer should check (severity warning). */
export interface CoercionWarning {
  code: IssueCode;
  message: string;
}

export type CoercionResult =
  | { ok: true; value: CellValue; warning?: CoercionWarning }
  | { ok: false; code: IssueCode; message: string };
