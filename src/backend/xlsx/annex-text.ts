// Text read from an annex workbook goes through the same rule as the form (project-rules.ts,
// text-normalise.ts), so an import cannot save what the form cannot: trimmed, NFC, bounded,
// no control characters. A one-line field's wrapped lines are joined (cleanCellText).
import { PROJECT_FIELD_LABELS } from '../../domain/field-labels';
import { PLAN_TITLE_LABEL, PLAN_TITLE_RULE, PROJECT_TEXT_RULES, type ProjectTextField } from '../../domain/project-rules';
import { cleanCellText } from '../../domain/text-normalise';
import { planTitleFromSheetTitle } from '../../domain/xlsx/annex-columns';

export type CleanedCell = { ok: true; value: string } | { ok: false; message: string };

/** A project field's cell text as it would be saved, or a Chinese message naming the field. */
export function cleanProjectCell(raw: string, field: ProjectTextField): CleanedCell {
  const r = cleanCellText(raw, PROJECT_TEXT_RULES[field]);
  return r.ok ? r : { ok: false, message: `${PROJECT_FIELD_LABELS[field]}${r.problem}。` };
}

/** The cleaner for one file's cells, remembering each field's answers: annex rows repeat their owners, places and units. */
export type CellCleaner = (raw: string, field: ProjectTextField) => CleanedCell;

/** a file's distinct texts per field worth remembering; past this the cleaner just computes */
const REMEMBER_PER_FIELD = 50_000;
/**
 * Only short texts are remembered: owners, places and units repeat, while a long text (规模,
 * 备注) is nearly always new, and hashing it as a map key costs as much as cleaning it.
 */
const REMEMBER_MAX_LENGTH = 64;

export function cellCleaner(): CellCleaner {
  const seen = new Map<ProjectTextField, Map<string, CleanedCell>>();
  return (raw, field) => {
    if (raw.length > REMEMBER_MAX_LENGTH) return cleanProjectCell(raw, field);
    let known = seen.get(field);
    if (!known) {
      known = new Map();
      seen.set(field, known);
    }
    let r = known.get(raw);
    if (r === undefined) {
      r = cleanProjectCell(raw, field);
      if (known.size < REMEMBER_PER_FIELD) known.set(raw, r);
    }
    return r;
  };
}

// what annexTitle() writes: the export's own title row, read back exactly
const OWN_TITLE = /^附件1 {2}([^]+)重点项目清单明细$/;

/**
 * The plan title in a title row ('' when the row names none). Our own export's row is read
 * back exactly (spaces inside the title kept); other files' rows loosely.
 */
export function titleFromRow(text: string): CleanedCell {
  if (/^单位/.test(text)) return { ok: true, value: '' };
  const own = OWN_TITLE.exec(text)?.[1];
  const raw = own !== undefined && own.trim() !== '' ? own : planTitleFromSheetTitle(text);
  if (raw === '') return { ok: true, value: '' };
  const r = cleanCellText(raw, PLAN_TITLE_RULE);
  return r.ok ? r : { ok: false, message: `${PLAN_TITLE_LABEL}${r.problem}。` };
}

/** The key that pairs an annex row with its hidden-sheet row: 序号 and the name as it will be saved. */
export function extrasKey(seqText: string, name: string, clean: CellCleaner = cleanProjectCell): string {
  const r = clean(name, 'name');
  return cleanNameKey(seqText, r.ok ? r.value : name);
}

/** extrasKey of a name already cleaned (cleaning is idempotent: no need to do it twice). */
export function cleanNameKey(seqText: string, cleanName: string): string {
  return `${seqText}|${cleanName}`;
}
