// The one error shape every transport carries unchanged from services to the UI and CLI.

export const API_ERROR_CODES = ['invalid', 'not_found', 'conflict', 'bad_file', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

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
  return isApiErrorCode(v.code) && typeof v.message === 'string' && Array.isArray(v.issues) && v.issues.every(isIssue);
}

function isIssue(value: unknown): value is Issue {
  return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string';
}

const CODES: ReadonlySet<unknown> = new Set(API_ERROR_CODES);

function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return CODES.has(value);
}

/**
 * The ONE mapping from anything thrown to the wire shape, used by every transport (HTTP,
 * Electron IPC). Expected errors pass through unchanged; anything else is a bug: it becomes
 * 'internal' and is handed to onInternal (the transport's logger) with its stack.
 */
export function toErrorBody(error: unknown, onInternal?: (error: unknown) => void): ApiErrorBody {
  if (error instanceof ApiError) return error.toBody();
  if (isApiErrorBody(error)) return { code: error.code, message: error.message, issues: error.issues };
  // SQLite states a user can act on (read-only, full disk) are mapped in the backend (db/sqlite-errors.ts)
  onInternal?.(error);
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `程序内部错误：${message}`, issues: [] };
}

const HTTP_STATUS: Record<ApiErrorCode, number> = {
  invalid: 400,
  bad_file: 400,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

/** The one status mapping for transports that have statuses (HTTP). */
export function httpStatusOf(code: ApiErrorCode): number {
  return HTTP_STATUS[code];
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
