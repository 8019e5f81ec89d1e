// The 资金构成 import kind: match the file's rows to the plan's projects (by name, else 序号)
// and its columns to funding sources (by name), compare every amount cell with the database,
// and write the changed ones in the pipeline's one transaction, logged as one batch.
// A file row sets exactly the cells it has columns for: an empty cell clears that amount;
// rows, years and sources the file does not have are left as they are.
import { ApiError, type Issue } from '../../../domain/api/errors';
import type { FieldChange, PreviewItem, SectionedImportPreview } from '../../../domain/api/xlsx';
import { FUNDING_KIND_LABELS, type FundingCellEdit } from '../../../domain/funding/types';
import type { Project } from '../../../domain/model';
import { formatWan } from '../../../domain/money';
import type { ServiceContext } from '../../context';
import { listFundingSourceRows } from '../../repositories/funding-repo';
import { listProjects } from '../../repositories/projects-repo';
import { checkFundingEdits, writeFundingEdits } from '../../services/funding-service';
import { defineKind, type ApplyOutcome, type ImportOptions, type ImportPlan, type ParsedWorkbook } from '../kind';
import { fundingParser, type FundingFileRow, type FundingMeta } from './funding-parser';
import { resolvePlan, rowsFingerprint, squash } from './target-plan';

export interface FundingPayload {
  planId: number;
  projectIds: number[];
  edits: FundingCellEdit[];
  unchangedRows: number;
}

function matchProjects(rows: readonly FundingFileRow[], projects: readonly Project[]) {
  const byName = new Map(projects.map((p) => [squash(p.name), p]));
  const bySeq = new Map(projects.map((p) => [p.seq, p]));
  const fileNames = new Set(rows.map((r) => squash(r.name)));
  return (row: FundingFileRow): Project | undefined => {
    const named = byName.get(squash(row.name));
    if (named) return named;
    // renamed in the file: the same 序号, when that project's name is not elsewhere in the file
    const s = row.seq === null ? undefined : bySeq.get(row.seq);
    return s && !fileNames.has(squash(s.name)) ? s : undefined;
  };
}

function wanText(yuan: number | null): string {
  return yuan === null ? '（空）' : `${formatWan(yuan)} 万元`;
}

function fundingDiff(ctx: ServiceContext, parsed: ParsedWorkbook<FundingFileRow, FundingMeta>, options: ImportOptions): ImportPlan<FundingPayload> {
  const { meta, fileName, sheet } = parsed;
  const plan = resolvePlan(ctx, meta, options);
  const projects = listProjects(ctx.db, plan.id);
  const sources = listFundingSourceRows(ctx.db);
  const sourceByName = new Map(sources.map((s) => [squash(s.name), s]));
  const issues: Issue[] = [];
  const columnSource = new Map<number, number>();
  for (const c of meta.columns) {
    const s = sourceByName.get(squash(c.sourceName));
    if (s) columnSource.set(c.index, s.id);
    else
      issues.push({
        file: fileName,
        sheet,
        row: meta.sourceRowNumber,
        column: c.letter,
        message: `资金来源“${c.sourceName}”不存在，请先在“设置 → 资金来源”中添加，或改成已有的来源名称。`,
      });
  }
  const match = matchProjects(parsed.rows, projects);
  const edits: FundingCellEdit[] = [];
  const rowOf = new Map<string, FundingFileRow>();
  const used = new Map<string, number>();
  for (const row of parsed.rows) {
    const project = match(row);
    if (!project) {
      issues.push({ file: fileName, sheet, row: row.rowNumber, column: meta.nameColumn, message: `规划「${plan.title}」中没有项目“${row.name}”。` });
      continue;
    }
    const key = `${project.id}:${row.year}`;
    const earlier = used.get(key);
    if (earlier !== undefined) {
      issues.push({ file: fileName, sheet, row: row.rowNumber, message: `项目“${project.name}”${row.year} 年已在第 ${earlier} 行出现过。` });
      continue;
    }
    used.set(key, row.rowNumber);
    rowOf.set(key, row);
    for (const a of row.amounts) {
      const col = meta.columns.find((c) => c.index === a.columnIndex);
      const sourceId = columnSource.get(a.columnIndex);
      if (!col || sourceId === undefined) continue;
      edits.push({ projectId: project.id, sourceId, year: row.year, kind: col.kind, amountYuan: a.amountYuan });
    }
  }
  if (issues.length > 0) throw new ApiError('bad_file', `${fileName}：发现 ${issues.length} 处问题，未导入任何数据。`, issues);

  const check = checkFundingEdits(ctx, edits);
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  const items = new Map<string, PreviewItem>();
  check.changed.forEach((e, i) => {
    const key = `${e.projectId}:${e.year}`;
    const p = projectById.get(e.projectId);
    let item = items.get(key);
    if (!item) {
      item = { key, title: `${p?.seq ?? ''}. ${p?.name ?? ''}　${e.year}年（第 ${rowOf.get(key)?.rowNumber ?? ''} 行）`, changes: [] };
      items.set(key, item);
    }
    const change: FieldChange = {
      field: `${e.sourceId}:${e.kind}`,
      label: `${sourceName.get(e.sourceId) ?? ''}·${FUNDING_KIND_LABELS[e.kind]}`,
      oldValue: wanText(check.before[i] ?? null),
      newValue: wanText(e.amountYuan),
    };
    item.changes.push(change);
  });
  const unchanged: PreviewItem[] = [...rowOf.entries()]
    .filter(([key]) => !items.has(key))
    .map(([key, row]) => ({ key, title: `${row.seq ?? ''}. ${row.name}　${row.year}年`, changes: [] }));
  const preview: Omit<SectionedImportPreview, 'token' | 'fileName' | 'sheet' | 'writes' | 'warnings'> = {
    kind: 'funding',
    target: `规划「${plan.title}」`,
    planId: plan.id,
    sections: [
      { key: 'changed', label: '修改的金额', items: [...items.values()] },
      { key: 'unchanged', label: '不变的行', items: unchanged },
    ],
  };
  const warnings: Issue[] = check.issues.map((i) => ({
    message: i.severity === 'error' ? `【导入即确认】${i.message}` : i.message,
  }));
  return {
    preview,
    warnings,
    writes: check.changed.length,
    payload: {
      planId: plan.id,
      projectIds: [...new Set(edits.map((e) => e.projectId))],
      edits: check.changed,
      unchangedRows: unchanged.length,
    },
  };
}

/** The amounts, sources and projects the diff compared against. */
function fundingFingerprint(ctx: ServiceContext, payload: FundingPayload): string {
  return rowsFingerprint(ctx, [
    ['SELECT id, name FROM funding_source ORDER BY id'],
    ['SELECT id, seq, name FROM project WHERE plan_id = ? ORDER BY id', payload.planId],
    ['SELECT * FROM funding WHERE project_id IN (SELECT value FROM json_each(?)) ORDER BY id', JSON.stringify(payload.projectIds)],
  ]);
}

function fundingApply(ctx: ServiceContext, p: FundingPayload, batchId: string, progress: (phase: string, done: number, total: number) => void): ApplyOutcome {
  progress('写入数据库', 0, p.edits.length);
  const counts = writeFundingEdits(ctx, p.edits, batchId);
  progress('写入数据库', p.edits.length, p.edits.length);
  return {
    planId: p.planId,
    added: counts.inserted,
    changed: counts.updated + counts.deleted,
    unchanged: p.unchangedRows,
    summary: `写入 ${p.edits.length} 个金额：新增 ${counts.inserted} 个，修改 ${counts.updated} 个，清除 ${counts.deleted} 个。`,
  };
}

export const fundingKind = defineKind({
  parser: fundingParser,
  diff: fundingDiff,
  fingerprint: fundingFingerprint,
  apply: fundingApply,
});
