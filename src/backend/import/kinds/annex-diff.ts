// The annex import's comparison of file rows with a plan's projects: which rows add a
// project, which change one (field by field), which leave one as it is. Pure.
import type { Issue } from '../../../domain/api/errors';
import type { FieldChange } from '../../../domain/api/xlsx';
import { fieldLabel } from '../../../domain/field-labels';
import { parseSiteList, type PlaceParts } from '../../../domain/location-parser';
import type { Project, ScaleMetrics } from '../../../domain/model';
import { formatWan } from '../../../domain/money';
import { identityClash, identityClashIssues, identityIndex, projectNameKey } from '../../../domain/project-identity';
import { projectEditIssues, projectIssues, textProblemsOnce } from '../../../domain/project-rules';
import { parseScale } from '../../../domain/scale-parser';
import { guessCategory } from '../../../domain/xlsx/category-guess';
import { metricsJsonAheadOf, type ProjectInsert, type SiteInsert } from '../../repositories/projects-repo';
import type { ImportedProject } from '../../xlsx/annex-import';

/**
 * What the diff derives from a row's texts: its figures (from 拟建设规模) and its places (from
 * 项目建设地). An annex repeats the same few places on row after row, so one import asks once
 * per distinct text (derivations()); the results are shared and must not be changed.
 */
export interface Derivations {
  metrics(scaleText: string): ScaleMetrics;
  places(locationText: string): readonly PlaceParts[];
}

function remembered<T>(derive: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let r = known.get(text);
    if (r === undefined) {
      r = derive(text);
      known.set(text, r);
    }
    return r;
  };
}

/** Derivations for one import, each distinct text worked out once. */
export function derivations(): Derivations {
  return { metrics: remembered(parseScale), places: remembered(parseSiteList) };
}

/** The project fields an imported row can set (metrics follow scaleText). */
export type ImportedFields = Partial<Omit<ProjectInsert, 'metrics'>>;

export interface ChangedProject {
  existing: Project;
  row: ImportedProject;
  /** only the fields whose value differs; metrics added when scaleText changes */
  patch: Partial<ProjectInsert>;
  changes: FieldChange[];
}

export interface ImportDiff {
  added: ImportedProject[];
  changed: ChangedProject[];
  unchanged: { existing: Project; row: ImportedProject }[];
  /** projects of the plan the file does not mention (never deleted) */
  absent: Project[];
}

function show(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (field === 'investmentYuan' && typeof v === 'number') return `${formatWan(v)} 万元`;
  return String(v);
}

/** The fields an imported row carries (undefined = the file has no column for it: keep the DB's). */
export function rowFields(row: ImportedProject): ImportedFields {
  const fields: ImportedFields = {
    seq: row.seq,
    name: row.name,
    investmentYuan: row.investmentYuan,
    startYear: row.startYear,
    endYear: row.endYear,
    remark: row.remark,
  };
  if (row.nature !== undefined) fields.nature = row.nature;
  if (row.owner !== undefined) fields.owner = row.owner;
  if (row.locationText !== undefined) fields.locationText = row.locationText;
  if (row.scaleText !== undefined) fields.scaleText = row.scaleText;
  const e = row.extras;
  if (e) {
    fields.seqPrinted = e.seqPrinted;
    fields.startDate = e.startDate;
    fields.endDate = e.endDate;
    fields.responsibleUnit = e.responsibleUnit;
    fields.leader = e.leader;
    fields.note = e.note;
    if (e.category) fields.category = e.category;
  } else if (row.headingCategory) fields.category = row.headingCategory;
  return fields;
}

export function diffRow(existing: Project, row: ImportedProject, derive: Derivations = derivations()): { patch: Partial<ProjectInsert>; changes: FieldChange[] } {
  const patch: Partial<ProjectInsert> = {};
  const changes: FieldChange[] = [];
  for (const [field, next] of Object.entries(rowFields(row)) as [keyof ImportedFields, unknown][]) {
    if (next === undefined) continue;
    const old: unknown = existing[field];
    if (old === next) continue;
    Object.assign(patch, { [field]: next });
    changes.push({ field, label: fieldLabel(field), oldValue: show(field, old), newValue: show(field, next) });
  }
  if (patch.scaleText !== undefined) patch.metrics = derive.metrics(patch.scaleText);
  return { patch, changes };
}

/** Rows matched to projects by name (spaces ignored), else by 序号 when the old name is gone from the file. */
export function diffImport(existing: readonly Project[], rows: readonly ImportedProject[], derive: Derivations = derivations()): ImportDiff {
  const norm = projectNameKey;
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
    const { patch, changes } = diffRow(match, row, derive);
    if (changes.length === 0) diff.unchanged.push({ existing: match, row });
    else diff.changed.push({ existing: match, row, patch, changes });
  }
  diff.absent = existing.filter((p) => !used.has(p.id));
  return diff;
}

export interface NewProject {
  /** the file's row, for messages */
  rowNumber: number;
  fields: ProjectInsert;
  sites: SiteInsert[];
}

/**
 * The per-row part of the diff begun before the parse ends (ImportKindDef.headStart): each
 * row's NewProject and its projectIssues, exactly as the diff would work them out, used by
 * the diff for the rows that turn out to be new.
 */
export interface AnnexHead {
  derive: Derivations;
  inputs: Map<ImportedProject, NewProject>;
  issues: Map<NewProject, Issue[]>;
  problemOf: ReturnType<typeof textProblemsOnce>;
}

export function annexHead(): AnnexHead {
  return { derive: derivations(), inputs: new Map(), issues: new Map(), problemOf: textProblemsOnce() };
}

export function annexHeadRows(head: AnnexHead, rows: readonly ImportedProject[]): void {
  for (const row of rows) {
    const input = newProjectInput(row, head.derive);
    metricsJsonAheadOf(input.fields.metrics);
    head.inputs.set(row, input);
    head.issues.set(input, projectIssues(input.fields, head.problemOf));
  }
}

export function newProjectInput(row: ImportedProject, derive: Derivations = derivations()): NewProject {
  const e = row.extras;
  const locationText = row.locationText ?? '';
  const scaleText = row.scaleText ?? '';
  const fields: ProjectInsert = {
    seq: row.seq,
    seqPrinted: e?.seqPrinted ?? null,
    name: row.name,
    category: e?.category || row.headingCategory || guessCategory(row.name),
    nature: row.nature ?? '新建',
    owner: row.owner ?? '',
    locationText,
    scaleText,
    metrics: derive.metrics(scaleText),
    investmentYuan: row.investmentYuan,
    startYear: row.startYear,
    endYear: row.endYear,
    startDate: e?.startDate ?? null,
    endDate: e?.endDate ?? null,
    remark: row.remark,
    responsibleUnit: e?.responsibleUnit ?? row.owner ?? '',
    leader: e?.leader ?? '',
    note: e?.note ?? '',
  };
  return {
    rowNumber: row.rowNumber,
    fields,
    sites: derive.places(locationText).map((s, i) => ({
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

/**
 * What the database would refuse, checked before anything is written: every added
 * project whole, and what each change introduces, by the form's own rules (project-rules.ts,
 * project-identity.ts).
 */
export function diffIssues(
  diff: ImportDiff,
  added: readonly NewProject[],
  where: { file: string; sheet: string },
  /** projectIssues of an added project, when already known (the import's head start) */
  known?: ReadonlyMap<NewProject, Issue[]>,
): Issue[] {
  const issues: Issue[] = [];
  const at = (rowNumber: number, i: Issue): Issue => ({ file: where.file, sheet: where.sheet, row: rowNumber, message: i.message });
  // a changed project: what the change introduces (old values it leaves alone do not block it)
  for (const c of diff.changed) for (const i of projectEditIssues(c.existing, c.patch)) issues.push(at(c.row.rowNumber, i));
  const problemOf = textProblemsOnce();
  for (const p of added) for (const i of known?.get(p) ?? projectIssues(p.fields, problemOf)) issues.push(at(p.rowNumber, i));
  // rows of one file never clash (the parser refuses that), but a new 序号 or name may be one
  // that a project of the plan missing from the file still holds
  const absent = identityIndex(diff.absent);
  const whose = '规划中不在此文件里的';
  for (const c of diff.changed) {
    const next = { seq: c.patch.seq ?? c.existing.seq, name: c.patch.name ?? c.existing.name };
    const clash = identityClash(absent, next);
    const touched = { ...(c.patch.seq !== undefined && clash.seq ? { seq: clash.seq } : {}), ...(c.patch.name !== undefined && clash.name ? { name: clash.name } : {}) };
    for (const i of identityClashIssues(next, touched, whose)) issues.push(at(c.row.rowNumber, i));
  }
  for (const p of added) for (const i of identityClashIssues(p.fields, identityClash(absent, p.fields), whose)) issues.push(at(p.rowNumber, i));
  return issues;
}
