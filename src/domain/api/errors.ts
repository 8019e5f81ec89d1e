// The one error shape every transport carries unchanged from services to the UI and CLI.

export type ApiErrorCode = 'invalid' | 'not_found' | 'conflict' | 'bad_file' | 'internal';

/** Where a problem is: a form field, or a spreadsheet cell. All parts optional. */
export interface Issue {
  message: string;
  field?: string;
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
}

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  issues: Issue[];
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: Issue[];

  constructor(code: ApiErrorCode, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, issues: this.issues };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.issues);
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string' && Array.isArray(v.issues);
}

/** Formats an issue's location the way office staff read it: 文件 a.xlsx，工作表 附件1，第 5 行，G 列 */
export function describeIssue(issue: Issue): string {
  const where: string[] = [];
  if (issue.file) where.push(`文件 ${issue.file}`);
  if (issue.sheet) where.push(`工作表「${issue.sheet}」`);
  if (issue.row !== undefined) where.push(`第 ${issue.row} 行`);
  if (issue.column) where.push(`${issue.column} 列`);
  if (issue.field) where.push(`字段「${issue.field}」`);
  return where.length > 0 ? `${where.join('，')}：${issue.message}` : issue.message;
}
