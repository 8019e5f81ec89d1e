// Which project or site each row of a 进度月报 is about. Our export's hidden ids decide when
// present (names may have been edited, rows re-sorted); otherwise 项目名称 / 序号 name the
// project (a site row without a name belongs to the project row above it, as printed) and
// 点位 / 序号 "10-3" the site. Only rows that report something must match. Pure.
import type { Issue } from '../../../domain/api/errors';
import type { MonthSheet, MonthSheetRow } from '../../../domain/api/progress';
import { toHalfWidth } from '../../../domain/xlsx/parse-number';
import { WHOLE_PROJECT_LABEL, type ProgressReportField } from '../../../domain/xlsx/progress-report-columns';
import type { ProgressFileRow } from './progress-parser';

const squash = (s: string): string => toHalfWidth(s).replace(/[\s\u3000]/g, '');
const targetKey = (projectId: number, siteId: number | null): string => `${projectId}:${siteId ?? ''}`;
const WHOLE = new Set(['', squash(WHOLE_PROJECT_LABEL), `(${squash(WHOLE_PROJECT_LABEL)})`, `（${squash(WHOLE_PROJECT_LABEL)}）`, '—', '-', '/']);

export interface MatchContext {
  fileName: string;
  sheet: string;
  planTitle: string;
  letters: Partial<Record<ProgressReportField, string>>;
}

export interface RowMatch {
  /** the month sheet's row of the target (its current and previous reports) */
  target: MonthSheetRow;
  /** "10. 项目名" or "10-3. 项目名 · 朱衣镇 朱衣村" */
  title: string;
}

/** One result per file row (null: not matched, or not reported and not matchable), and the issues. */
export function matchRows(rows: readonly ProgressFileRow[], sheet: MonthSheet, ctx: MatchContext): { matches: (RowMatch | null)[]; issues: Issue[] } {
  const byKey = new Map(sheet.rows.map((r) => [targetKey(r.projectId, r.siteId), r]));
  const projects = sheet.rows.filter((r) => r.siteId === null);
  const projectByName = new Map(projects.map((p) => [squash(p.name), p]));
  const projectBySeq = new Map(projects.map((p) => [p.seqLabel, p]));
  const sitesOf = new Map<number, MonthSheetRow[]>();
  for (const r of sheet.rows) if (r.siteId !== null) sitesOf.set(r.projectId, [...(sitesOf.get(r.projectId) ?? []), r]);
  const projectName = new Map(projects.map((p) => [p.projectId, p.name]));
  const titleOf = (r: MonthSheetRow): string =>
    r.siteId === null ? `${r.seqLabel}. ${r.name}` : `${r.seqLabel}. ${projectName.get(r.projectId) ?? ''} · ${r.name}`;

  const issues: Issue[] = [];
  const matches: (RowMatch | null)[] = [];
  const firstRowOf = new Map<string, number>();
  let above: MonthSheetRow | null = null; // the project of the nearest project row above
  const at = (row: ProgressFileRow, field: ProgressReportField, message: string): void => {
    issues.push({ file: ctx.fileName, sheet: ctx.sheet, row: row.rowNumber, column: ctx.letters[field] ?? ctx.letters.name ?? ctx.letters.seq ?? '', message });
  };

  const byIds = (row: ProgressFileRow, projectId: number): MonthSheetRow | null => {
    const found = byKey.get(targetKey(projectId, row.siteId));
    if (found) return found;
    if (!row.filled) return null;
    if (!byKey.has(targetKey(projectId, null))) at(row, 'projectId', `项目ID ${projectId} 不是规划「${ctx.planTitle}」中的项目；请勿修改隐藏的编号列，或清空它按名称对应。`);
    else at(row, 'siteId', `点位ID ${row.siteId ?? ''} 不是项目「${projectName.get(projectId) ?? ''}」现有的点位（可能已归档或删除）。`);
    return null;
  };

  const byNames = (row: ProgressFileRow): MonthSheetRow | null => {
    const seq = /^(\d+)(?:[-－—–](\d+))?$/.exec(row.seqLabel);
    const isSite = !WHOLE.has(squash(row.site)) || seq?.[2] !== undefined;
    let project: MonthSheetRow | null | undefined = null;
    if (row.name !== '') project = projectByName.get(squash(row.name)) ?? (seq?.[1] ? projectBySeq.get(seq[1]) : undefined);
    else if (seq?.[1]) project = projectBySeq.get(seq[1]);
    else if (isSite) project = above;
    if (!project) {
      if (row.filled) {
        at(row, 'name', row.name !== '' ? `规划「${ctx.planTitle}」中没有项目“${row.name}”。` : '无法确定这一行是哪个项目：请填写项目名称或序号。');
      }
      return null;
    }
    if (!isSite) return project;
    const sites = sitesOf.get(project.projectId) ?? [];
    const site =
      (row.site !== '' ? sites.find((s) => squash(s.name) === squash(row.site)) : undefined) ??
      (seq?.[2] !== undefined ? sites.find((s) => s.seqLabel === `${project.seqLabel}-${seq[2]}`) : undefined);
    if (!site && row.filled) at(row, 'site', `项目「${project.name}」没有点位“${row.site || row.seqLabel}”。`);
    return site ?? null;
  };

  for (const row of rows) {
    const found = row.projectId !== null ? byIds(row, row.projectId) : byNames(row);
    if (found?.siteId === null) above = found;
    else if (found) above = byKey.get(targetKey(found.projectId, null)) ?? above;
    if (!found || !row.filled) {
      matches.push(null);
      continue;
    }
    const key = targetKey(found.projectId, found.siteId);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      at(row, 'seq', `与第 ${first} 行是同一个${found.siteId === null ? '项目' : '点位'}（${titleOf(found)}），同一报告期只能填一行。`);
      matches.push(null);
      continue;
    }
    firstRowOf.set(key, row.rowNumber);
    matches.push({ target: found, title: titleOf(found) });
  }
  return { matches, issues };
}
