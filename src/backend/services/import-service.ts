// Importing annex 1: parse (guarded) → preview (added / changed field by field / unchanged)
// → apply (backup first, then everything in ONE transaction, change_log door 'import').
// Previews wait in memory under a random token for a short while; apply re-checks that
// the database still matches what was previewed.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ApiError, type Issue } from '../../domain/api/errors';
import type { ProjectPatch } from '../../domain/api/register';
import type { FieldChange, ImportPreview, ImportResult } from '../../domain/api/xlsx';
import { parseSiteList } from '../../domain/location-parser';
import type { Plan, Project } from '../../domain/model';
import { formatWan } from '../../domain/money';
import { parseScale } from '../../domain/scale-parser';
import { guessCategory } from '../../domain/xlsx/category-guess';
import { fieldLabel } from '../../domain/field-labels';
import type { ServiceContext } from '../context';
import { autoBackup } from '../db/backup';
import { insertChange } from '../repositories/change-log-repo';
import { getPlan, insertPlan, listPlans } from '../repositories/plans-repo';
import { listProjects } from '../repositories/projects-repo';
import { parseAnnexWorkbook, type AnnexParse, type ImportedProject } from '../xlsx/annex-import';
import { readWorkbookGrid } from '../xlsx/read-workbook';
import { createProjectWithSites, newBatchId, saveProjectPatch, type ProjectWithSites } from './project-service';

export type ImportProgress = (phase: string, done: number, total: number) => void;

export const PREVIEW_TTL_MS = 15 * 60 * 1000;

type PlanTarget = { kind: 'existing'; plan: Plan } | { kind: 'new'; plan: Omit<Plan, 'id'> };

interface ChangedProject {
  existing: Project;
  row: ImportedProject;
  patch: ProjectPatch;
  changes: FieldChange[];
}

interface ImportDiff {
  added: ImportedProject[];
  changed: ChangedProject[];
  unchanged: { existing: Project; row: ImportedProject }[];
  absent: Project[];
}

interface PendingImport {
  dbPath: string;
  parsed: AnnexParse;
  target: PlanTarget;
  preview: ImportPreview;
  expires: number;
}

const pending = new Map<string, PendingImport>();

/** previews kept at once; the oldest goes first (a preview of a 10,000-row file holds a few MB) */
const MAX_PENDING = 20;

function dropExpired(now: number): void {
  for (const [token, p] of pending) if (p.expires < now) pending.delete(token);
}

function makeRoom(): void {
  while (pending.size >= MAX_PENDING) {
    const oldest = pending.keys().next().value;
    if (oldest === undefined) break;
    pending.delete(oldest);
  }
}

/** Reads and checks a workbook; throws ApiError('bad_file') listing every problem. */
export async function parseImportFile(buf: Buffer, fileName: string, onProgress?: ImportProgress): Promise<AnnexParse> {
  const grid = await readWorkbookGrid(buf, fileName, onProgress ? { onProgress } : {});
  onProgress?.('检查数据', 0, 1);
  const parsed = parseAnnexWorkbook(grid, fileName);
  if (parsed.errors.length > 0) {
    const n = parsed.errors.length;
    throw new ApiError('bad_file', `${fileName}：发现 ${n} 处问题，未导入任何数据。`, parsed.errors);
  }
  return parsed;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "…“十五五”…" → 2026-2030: five-year plans have run in step since the 3rd (1966). */
export function fiveYearPlanYears(title: string): { startYear: number; endYear: number } | null {
  const m = /([一二三四五六七八九]?十[一二三四五六七八九]?|[三四五六七八九])五(?:”|"|规划|计划|时期|期间|\s|$)/.exec(title);
  if (!m?.[1]) return null;
  const t = m[1];
  let n: number;
  if (!t.includes('十')) n = CN_DIGITS[t] ?? 0;
  else {
    const [tens, ones] = t.split('十');
    n = (tens ? (CN_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (CN_DIGITS[ones] ?? 0) : 0);
  }
  if (n < 3) return null;
  const startYear = 1966 + 5 * (n - 3);
  return { startYear, endYear: startYear + 4 };
}

function sameTitle(a: string, b: string): boolean {
  const n = (s: string): string => s.replace(/\s+/g, '');
  return n(a) === n(b);
}

export function resolveTarget(ctx: ServiceContext, parsed: AnnexParse, opts: { planId?: number; planTitle?: string }): PlanTarget {
  if (opts.planId !== undefined) return { kind: 'existing', plan: getPlan(ctx.db, opts.planId) };
  const plans = listPlans(ctx.db);
  const asked = opts.planTitle?.trim();
  if (asked && /^\d+$/.test(asked)) {
    const byId = plans.find((p) => p.id === Number(asked));
    if (byId) return { kind: 'existing', plan: byId };
  }
  const title = asked || parsed.planTitle || path.basename(parsed.fileName).replace(/\.[^.]+$/, '');
  const found = plans.find((p) => sameTitle(p.title, title));
  if (found) return { kind: 'existing', plan: found };
  const years = fiveYearPlanYears(title) ?? {
    startYear: Math.min(...parsed.projects.map((p) => p.startYear)),
    endYear: Math.max(...parsed.projects.map((p) => p.endYear)),
  };
  return { kind: 'new', plan: { title, issuer: '', ...years } };
}


function show(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (field === 'investmentYuan' && typeof v === 'number') return `${formatWan(v)} 万元`;
  return String(v);
}

/** The fields an imported row carries, as a patch over a project (undefined = not in the file). */
function rowPatch(row: ImportedProject): ProjectPatch & { seqPrinted?: string | null } {
  const patch: ProjectPatch & { seqPrinted?: string | null } = {
    seq: row.seq,
    name: row.name,
    investmentYuan: row.investmentYuan,
    startYear: row.startYear,
    endYear: row.endYear,
    remark: row.remark,
  };
  if (row.nature !== undefined) patch.nature = row.nature;
  if (row.owner !== undefined) patch.owner = row.owner;
  if (row.locationText !== undefined) patch.locationText = row.locationText;
  if (row.scaleText !== undefined) patch.scaleText = row.scaleText;
  if (row.extras) {
    const e = row.extras;
    Object.assign(patch, {
      seqPrinted: e.seqPrinted,
      startDate: e.startDate,
      endDate: e.endDate,
      responsibleUnit: e.responsibleUnit,
      leader: e.leader,
      note: e.note,
    });
    if (e.category) patch.category = e.category;
  } else if (row.headingCategory) patch.category = row.headingCategory;
  return patch;
}

function diffRow(existing: Project, row: ImportedProject): { patch: ProjectPatch; changes: FieldChange[] } {
  const full = rowPatch(row);
  const patch: Record<string, unknown> = {};
  const changes: FieldChange[] = [];
  for (const [field, next] of Object.entries(full)) {
    if (next === undefined) continue;
    const old: unknown = existing[field as keyof Project];
    if (old === next) continue;
    patch[field] = next;
    const label = fieldLabel(field);
    changes.push({ field, label, oldValue: show(field, old), newValue: show(field, next) });
  }
  return { patch: patch satisfies ProjectPatch, changes };
}

export function diffImport(existing: readonly Project[], rows: readonly ImportedProject[]): ImportDiff {
  const norm = (s: string): string => s.replace(/\s+/g, '');
  const byName = new Map(existing.map((p) => [norm(p.name), p]));
  const bySeq = new Map<number, Project>();
  for (const p of existing) if (!bySeq.has(p.seq)) bySeq.set(p.seq, p);
  const fileNames = new Set(rows.map((r) => norm(r.name)));
  const used = new Set<number>();
  const diff: ImportDiff = { added: [], changed: [], unchanged: [], absent: [] };
  for (const row of rows) {
    let match = byName.get(norm(row.name));
    if (!match || used.has(match.id)) {
      // same 序号, renamed: only when the old name is not elsewhere in the file
      const s = bySeq.get(row.seq);
      match = s && !used.has(s.id) && !fileNames.has(norm(s.name)) ? s : undefined;
    }
    if (!match) {
      diff.added.push(row);
      continue;
    }
    used.add(match.id);
    const { patch, changes } = diffRow(match, row);
    if (changes.length === 0) diff.unchanged.push({ existing: match, row });
    else diff.changed.push({ existing: match, row, patch, changes });
  }
  diff.absent = existing.filter((p) => !used.has(p.id));
  return diff;
}

function newProjectInput(row: ImportedProject): ProjectWithSites {
  const e = row.extras;
  const locationText = row.locationText ?? '';
  const scaleText = row.scaleText ?? '';
  return {
    seq: row.seq,
    seqPrinted: e?.seqPrinted ?? null,
    name: row.name,
    category: e?.category || row.headingCategory || guessCategory(row.name),
    nature: row.nature ?? '新建',
    owner: row.owner ?? '',
    locationText,
    scaleText,
    metrics: parseScale(scaleText),
    investmentYuan: row.investmentYuan,
    startYear: row.startYear,
    endYear: row.endYear,
    startDate: e?.startDate ?? null,
    endDate: e?.endDate ?? null,
    remark: row.remark,
    responsibleUnit: e?.responsibleUnit ?? row.owner ?? '',
    leader: e?.leader ?? '',
    note: e?.note ?? '',
    sites: parseSiteList(locationText).map((s, i) => ({
      seq: i + 1,
      town: s.town,
      village: s.village,
      address: s.address,
      scaleText: '',
      budgetYuan: null,
      startYear: null,
      endYear: null,
    })),
  };
}

function currentDiff(ctx: ServiceContext, target: PlanTarget, parsed: AnnexParse): ImportDiff {
  const existing = target.kind === 'existing' ? listProjects(ctx.db, target.plan.id) : [];
  return diffImport(existing, parsed.projects);
}

function toPreview(token: string, parsed: AnnexParse, target: PlanTarget, diff: ImportDiff): ImportPreview {
  const brief = (r: ImportedProject): { seq: number; name: string } => ({ seq: r.seq, name: r.name });
  const warnings: Issue[] = [...parsed.warnings];
  const guessed = diff.added.filter((r) => !r.extras?.category && !r.headingCategory);
  if (guessed.length > 0) {
    warnings.push({
      file: parsed.fileName,
      sheet: parsed.sheet,
      message: `文件没有“类别”信息，${guessed.length} 个新增项目的类别按名称推断（如“${guessed[0]?.name}”→“${guessCategory(guessed[0]?.name ?? '')}”），导入后可在台账中修改。`,
    });
  }
  if (diff.absent.length > 0) {
    warnings.push({
      message: `规划中有 ${diff.absent.length} 个项目不在此文件中（如“${diff.absent[0]?.name}”），导入不会删除它们。`,
    });
  }
  return {
    token,
    fileName: parsed.fileName,
    sheet: parsed.sheet,
    planTitle: target.plan.title,
    planId: target.kind === 'existing' ? target.plan.id : null,
    added: diff.added.map(brief),
    changed: diff.changed.map((c) => ({ ...brief(c.row), changes: c.changes })),
    unchanged: diff.unchanged.map((u) => brief(u.row)),
    warnings,
  };
}

export interface PreviewRequest {
  fileName: string;
  bytes: Buffer;
  planId?: number;
  planTitle?: string;
}

export async function previewImport(ctx: ServiceContext, req: PreviewRequest, onProgress?: ImportProgress): Promise<ImportPreview> {
  const parsed = await parseImportFile(req.bytes, req.fileName, onProgress);
  onProgress?.('比对现有数据', 0, parsed.projects.length);
  const opts: { planId?: number; planTitle?: string } = {};
  if (req.planId !== undefined) opts.planId = req.planId;
  if (req.planTitle !== undefined) opts.planTitle = req.planTitle;
  const target = resolveTarget(ctx, parsed, opts);
  const diff = currentDiff(ctx, target, parsed);
  const now = Date.now();
  dropExpired(now);
  makeRoom();
  const token = randomUUID();
  const preview = toPreview(token, parsed, target, diff);
  pending.set(token, { dbPath: ctx.dbPath, parsed, target, preview, expires: now + PREVIEW_TTL_MS });
  return preview;
}

function fingerprint(p: Pick<ImportPreview, 'added' | 'changed' | 'unchanged' | 'planId'>): string {
  return JSON.stringify([p.planId, p.added, p.changed, p.unchanged]);
}

/** Applies a previewed import: backup, then one transaction. Throws (and writes nothing) on any problem. */
export async function applyImport(ctx: ServiceContext, token: string, onProgress?: ImportProgress): Promise<ImportResult> {
  dropExpired(Date.now());
  const job = pending.get(token);
  if (!job || job.dbPath !== ctx.dbPath) throw new ApiError('not_found', '导入预览已过期或不存在，请重新选择文件。');
  const ictx: ServiceContext = { ...ctx, door: 'import' };
  // check before the backup, so a stale preview costs nothing
  const before = currentDiff(ictx, job.target, job.parsed);
  if (fingerprint(toPreview(token, job.parsed, job.target, before)) !== fingerprint(job.preview)) {
    pending.delete(token);
    throw new ApiError('conflict', '预览之后数据已有变化，请重新预览后再导入。');
  }
  onProgress?.('备份数据库', 0, 1);
  const backupPath = await autoBackup(ictx, 'import');
  const batchId = `import:${newBatchId()}`;
  const total = job.parsed.projects.length;
  const write = ictx.db.transaction((): ImportResult => {
    let planId: number;
    if (job.target.kind === 'existing') planId = job.target.plan.id;
    else {
      planId = insertPlan(ictx.db, job.target.plan);
      insertChange(ictx.db, {
        at: new Date().toISOString(),
        user: ictx.user,
        door: 'import',
        entity: 'plan',
        entityId: planId,
        projectId: null,
        field: '*',
        oldValue: null,
        newValue: JSON.stringify({ title: job.target.plan.title, file: job.parsed.fileName }),
        batchId,
      });
    }
    const diff = currentDiff(ictx, job.target.kind === 'existing' ? job.target : { kind: 'existing', plan: { id: planId, ...job.target.plan } }, job.parsed);
    // the backup awaited: check again, inside the transaction, that nothing changed meanwhile
    if (fingerprint(toPreview(token, job.parsed, job.target, diff)) !== fingerprint(job.preview)) {
      throw new ApiError('conflict', '预览之后数据已有变化，请重新预览后再导入。');
    }
    let done = 0;
    const tick = (): void => {
      done++;
      if (done % 500 === 0 || done === total) onProgress?.('写入数据库', done, total);
    };
    for (const c of diff.changed) {
      saveProjectPatch(ictx, c.existing.id, c.patch, batchId);
      tick();
    }
    for (const row of diff.added) {
      createProjectWithSites(ictx, planId, newProjectInput(row), batchId);
      tick();
    }
    return { planId, added: diff.added.length, changed: diff.changed.length, unchanged: diff.unchanged.length, backupPath };
  });
  let result: ImportResult;
  try {
    result = write();
  } catch (e) {
    if (e instanceof ApiError) throw new ApiError(e.code, `导入未完成，数据库未作任何改动：${e.message}`, e.issues);
    throw new ApiError('internal', `导入未完成，数据库未作任何改动：${e instanceof Error ? e.message : String(e)}`);
  } finally {
    pending.delete(token);
  }
  return result;
}

/** For tests: forget every pending preview. */
export function clearPendingImports(): void {
  pending.clear();
}
