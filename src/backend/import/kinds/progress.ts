// The 进度月报 import kind: each reported row of the file becomes a progress report of the
// file's month for its project or site, appended to the history in the pipeline's one
// transaction as one batch (撤销本次导入 removes exactly those rows). A row equal to what the
// export prefilled (the month's report, or last month's without its own investment) adds
// nothing. The checks are the progress service's own (progress-checks.ts, the record
// schema), run at preview and again inside the transaction; their messages are mapped to
// the file's rows and columns.
import type { z } from 'zod';
import { ApiError, type Issue } from '../../../domain/api/errors';
import { progressDraftSchema } from '../../../domain/api/progress';
import type { FieldChange, PreviewItem, SectionedImportPreview } from '../../../domain/api/xlsx';
import { chineseMonth } from '../../../domain/calendar';
import { progressIssues, sameReport } from '../../../domain/facts/progress-checks';
import { formatWan } from '../../../domain/money';
import { prefilledValues, type PrefilledValues, type ProgressReportField } from '../../../domain/xlsx/progress-report-columns';
import type { ServiceContext } from '../../context';
import { noteBatchSource } from '../../history/change-writer';
import { listProgressByPlan } from '../../repositories/progress-repo';
import { monthSheet, writeProgressBatch } from '../../services/progress-service';
import { defineKind, type ApplyOutcome, type ImportOptions, type ImportPlan, type ParsedWorkbook } from '../kind';
import { matchRows, type RowMatch } from './progress-match';
import { progressParser, type CellRef, type ProgressFileRow, type ProgressMeta } from './progress-parser';
import { resolvePlan, rowsFingerprint } from './target-plan';

type Draft = z.output<typeof progressDraftSchema>;

export interface ProgressPayload {
  fileName: string;
  planId: number;
  month: string;
  drafts: Draft[];
  /** the file row of each draft, for messages */
  rowNumbers: number[];
  unchangedRows: number;
}

const DRAFT_COLUMN: Record<string, ProgressReportField | 'month'> = {
  reportMonth: 'month',
  stage: 'stage',
  percent: 'percent',
  description: 'description',
  investPeriodYuan: 'investPeriod',
  investCumulativeYuan: 'investCumulative',
  problems: 'problems',
  author: 'author',
  projectId: 'seq',
  siteId: 'seq',
};

/** An issue on a file row, at the column of a draft field ('reportMonth' names the title cell). */
type IssueMapper = (rowNumber: number, field: string, message: string) => Issue;

function issueMapper(parsed: ParsedWorkbook<ProgressFileRow, ProgressMeta>): IssueMapper {
  const { fileName, sheet, meta } = parsed;
  return (rowNumber, field, message) => {
    const col = DRAFT_COLUMN[field];
    const cell: CellRef =
      col === 'month' ? meta.monthCell : { row: rowNumber, column: (col && meta.letters[col]) || meta.letters.seq || meta.letters.name || '' };
    return { file: fileName, sheet, row: cell.row, column: cell.column, message };
  };
}

/** progress-checks' issues ("rows.3.percent", "第 12 行：…") as cell issues, one per cell and message. */
function checkIssues(issues: readonly Issue[], map: IssueMapper, rowNumbers: readonly number[], label: (i: number) => string): Issue[] {
  const out = new Map<string, Issue>();
  for (const i of issues) {
    const m = /^rows\.(\d+)\.(\w+)$/.exec(i.field ?? '');
    const index = Number(m?.[1] ?? -1);
    const prefix = `${label(index)}：`;
    const message = i.message.startsWith(prefix) ? i.message.slice(prefix.length) : i.message;
    const issue = map(rowNumbers[index] ?? 0, m?.[2] ?? '', message);
    out.set(`${issue.row}:${issue.column}:${message}`, issue);
  }
  return [...out.values()];
}

const wanText = (yuan: number | null): string => (yuan === null ? '（空）' : `${formatWan(yuan)} 万元`);
const textOr = (s: string): string => (s === '' ? '（空）' : s);

function changesOf(before: PrefilledValues, d: Draft): FieldChange[] {
  const rows: [string, string, string, string][] = [
    ['stage', '建设阶段', textOr(before.stage), d.stage],
    ['percent', '形象进度（%）', before.percent === null ? '（空）' : String(before.percent), String(d.percent)],
    ['description', '形象进度描述', textOr(before.description), textOr(d.description)],
    ['investPeriodYuan', '本月完成投资', wanText(before.investPeriodYuan), wanText(d.investPeriodYuan)],
    ['investCumulativeYuan', '累计完成投资', wanText(before.investCumulativeYuan), wanText(d.investCumulativeYuan)],
    ['problems', '存在问题', textOr(before.problems), textOr(d.problems)],
  ];
  return rows.filter(([, , a, b]) => a !== b).map(([field, label, oldValue, newValue]) => ({ field, label, oldValue, newValue }));
}

/**
 * 累计 follows 本月 when only 本月 was changed (or 累计 left empty): 累计 = the prefilled
 * cumulative minus the prefilled month's investment plus the new one, as the monthly grid does.
 */
function cumulativeOf(row: ProgressFileRow, before: PrefilledValues): { yuan: number; auto: boolean } {
  const base = (before.investCumulativeYuan ?? 0) - (before.investPeriodYuan ?? 0);
  const period = row.investPeriodYuan ?? 0;
  if (row.investCumulativeYuan === null) return { yuan: base + period, auto: true };
  const untouched = row.investCumulativeYuan === before.investCumulativeYuan;
  if (untouched && period !== (before.investPeriodYuan ?? 0)) return { yuan: base + period, auto: true };
  return { yuan: row.investCumulativeYuan, auto: false };
}

function rowList(rows: readonly number[]): string {
  return rows.length <= 10 ? rows.join('、') : `${rows.slice(0, 10).join('、')} 等 ${rows.length} 行`;
}

/** A file row that would add a report. */
interface Pending {
  draft: Draft;
  rowNumber: number;
  before: PrefilledValues;
  title: string;
  /** 累计 was computed from 本月 */
  auto: boolean;
}

/** The row as a report through the record schema (its bounds and text cleaning), or the schema's complaints. */
function draftOf(row: ProgressFileRow, target: RowMatch['target'], month: string, cumulativeYuan: number): { ok: true; draft: Draft } | { ok: false; issues: { field: string; message: string }[] } {
  const checked = progressDraftSchema.safeParse({
    projectId: target.projectId,
    siteId: target.siteId,
    reportMonth: month,
    stage: row.stage ?? '',
    percent: row.percent ?? -1,
    description: row.description,
    investPeriodYuan: row.investPeriodYuan ?? 0,
    investCumulativeYuan: cumulativeYuan,
    problems: row.problems,
    ...(row.author !== '' ? { author: row.author } : {}),
  });
  if (checked.success) return { ok: true, draft: checked.data };
  return { ok: false, issues: checked.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })) };
}

/** Equal to what the export prefilled: importing it would add nothing. */
function unchangedFrom(before: PrefilledValues, d: Draft): boolean {
  if (before.source === 'none') return false;
  const base = {
    reportMonth: d.reportMonth,
    stage: before.stage,
    percent: before.percent ?? -1,
    description: before.description,
    investPeriodYuan: before.investPeriodYuan ?? 0,
    investCumulativeYuan: before.investCumulativeYuan ?? 0,
    problems: before.problems,
  };
  return sameReport(base, d);
}

function progressDiff(ctx: ServiceContext, parsed: ParsedWorkbook<ProgressFileRow, ProgressMeta>, options: ImportOptions): ImportPlan<ProgressPayload> {
  const { fileName, sheet: sheetName, meta } = parsed;
  const refuse = (issues: Issue[]): never => {
    const sorted = [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''));
    throw new ApiError('bad_file', `${fileName}：发现 ${issues.length} 处问题，未导入任何数据。`, sorted);
  };
  const plan = resolvePlan(ctx, meta, options);
  const monthIssue = (message: string): Issue => ({ file: fileName, sheet: sheetName, row: meta.monthCell.row, column: meta.monthCell.column, message });
  if (meta.month && options.month && meta.month !== options.month) {
    refuse([monthIssue(`文件标题中的报告期为${chineseMonth(meta.month)}，与所选的${chineseMonth(options.month)}不一致。`)]);
  }
  const month = meta.month ?? options.month;
  if (!month) return refuse([monthIssue('无法确定报告期：标题中应写明月份，例如“（2026年10月）”。')]);

  const sheet = monthSheet(ctx, { month, planId: plan.id });
  const { matches, issues } = matchRows(parsed.rows, sheet, { fileName, sheet: sheetName, planTitle: plan.title, letters: meta.letters });
  const map = issueMapper(parsed);
  const all: Issue[] = [...issues];
  const pending: Pending[] = [];
  const unchanged: PreviewItem[] = [];
  const clearedRows: number[] = [];
  parsed.rows.forEach((row, i) => {
    const match = matches[i];
    if (!match) {
      // a row our export prefilled with the month's own report, now emptied: reports are never deleted
      const target = row.filled || row.projectId === null ? undefined : sheet.rows.find((r) => r.projectId === row.projectId && r.siteId === row.siteId);
      if (target?.current) clearedRows.push(row.rowNumber);
      return;
    }
    const before = prefilledValues(match.target);
    const cumulative = cumulativeOf(row, before);
    const d = draftOf(row, match.target, month, cumulative.yuan);
    if (!d.ok) {
      for (const x of d.issues) all.push(map(row.rowNumber, x.field, x.message));
    } else if (unchangedFrom(before, d.draft)) {
      unchanged.push({ key: `${d.draft.projectId}:${d.draft.siteId ?? ''}`, title: `${match.title}（第 ${row.rowNumber} 行）`, changes: [] });
    } else {
      pending.push({ draft: d.draft, rowNumber: row.rowNumber, before, title: match.title, auto: cumulative.auto });
    }
  });

  const drafts = pending.map((p) => p.draft);
  const rowNumbers = pending.map((p) => p.rowNumber);
  if (all.length === 0) {
    // the service's consistency rules (falling cumulative or percent, future month), named by file row
    const label = (i: number): string => `第 ${rowNumbers[i] ?? i + 1} 行`;
    const history = listProgressByPlan(ctx.db, plan.id);
    all.push(...checkIssues(progressIssues(drafts, history, ctx.today(), { prefix: 'rows', label }), map, rowNumbers, label));
  }
  if (all.length > 0) refuse(all);

  const warnings: Issue[] = [];
  const autoRows = pending.filter((p) => p.auto).map((p) => p.rowNumber);
  if (autoRows.length > 0) {
    warnings.push({ file: fileName, sheet: sheetName, message: `第 ${rowList(autoRows)} 行只改了本月完成投资：累计完成投资已按“上期累计 + 本月完成投资”计算。` });
  }
  if (clearedRows.length > 0) {
    warnings.push({ file: fileName, sheet: sheetName, message: `第 ${rowList(clearedRows)} 行已清空：进度记录只增不删，本月已填报的进度保持不变。` });
  }
  const added: PreviewItem[] = pending.map((p) => ({
    key: `${p.draft.projectId}:${p.draft.siteId ?? ''}`,
    title: `${p.title}（第 ${p.rowNumber} 行）${p.before.source === 'current' ? '　更正本月已填报' : ''}`,
    changes: changesOf(p.before, p.draft),
  }));
  const preview: Omit<SectionedImportPreview, 'token' | 'fileName' | 'sheet' | 'writes' | 'warnings'> = {
    kind: 'progress',
    target: `规划「${plan.title}」${chineseMonth(month)}进度`,
    planId: plan.id,
    sections: [
      { key: 'added', label: '新增进度记录', items: added },
      { key: 'unchanged', label: '不变的行', items: unchanged },
    ],
  };
  return {
    preview,
    warnings,
    writes: drafts.length,
    payload: { fileName, planId: plan.id, month, drafts, rowNumbers, unchangedRows: unchanged.length },
  };
}

/** The plan's projects, sites and every report of them: what the diff compared against. */
function progressFingerprint(ctx: ServiceContext, payload: ProgressPayload): string {
  return rowsFingerprint(ctx, [
    ['SELECT id, seq, name FROM project WHERE plan_id = ? ORDER BY id', payload.planId],
    ['SELECT s.id, s.project_id, s.seq, s.town, s.village, s.address, s.archived_at FROM site s JOIN project p ON p.id = s.project_id WHERE p.plan_id = ? ORDER BY s.id', payload.planId],
    ['SELECT g.* FROM progress g JOIN project p ON p.id = g.project_id WHERE p.plan_id = ? ORDER BY g.id', payload.planId],
  ]);
}

function progressApply(ctx: ServiceContext, p: ProgressPayload, batchId: string, progress: (phase: string, done: number, total: number) => void): ApplyOutcome {
  progress('写入数据库', 0, p.drafts.length);
  // the service's own checks run again here, inside the transaction, naming the file's rows
  const r = writeProgressBatch(ctx, p.drafts, batchId, { prefix: 'rows', label: (i) => `第 ${p.rowNumbers[i] ?? i + 1} 行` });
  if (r.recorded > 0) noteBatchSource(ctx, batchId, p.fileName);
  progress('写入数据库', p.drafts.length, p.drafts.length);
  const unchanged = p.unchangedRows + r.unchanged;
  return {
    planId: p.planId,
    added: r.recorded,
    changed: 0,
    unchanged,
    summary: `新增 ${r.recorded} 条进度记录（报告期 ${chineseMonth(p.month)}），不变 ${unchanged} 行。`,
  };
}

export const progressKind = defineKind({
  parser: progressParser,
  diff: progressDiff,
  fingerprint: progressFingerprint,
  apply: progressApply,
});
