// The monthly report grid's columns (月度填报): how typed or pasted text becomes a value and
// back. One value type for all cells (the grid is generic over one V): a stage and texts are
// strings, the percent a number, amounts integer 元 (typed in 万元); null is an empty cell.
// Cross-row rules (percent going down, cumulative falling) are not here: they are the
// backend's progressIssues, run on the would-be entries (report-save.ts).
import { TEXT_MAX } from '../../domain/api/text';
import { PROGRESS_STAGES } from '../../domain/facts/stages';
import { formatWanCell, parseWanText } from '../../domain/funding/wan-input';
import { normaliseText } from '../../domain/text-normalise';
import { parseNumber } from '../../domain/xlsx/parse-number';
import type { EditableColumn, GridColumn, ParseResult, RowContext } from '../grid/types';

export type ReportValue = string | number | null;

/** The editable columns, in order; their keys are the 'progress.record' entry fields. */
export const REPORT_FIELDS = ['stage', 'percent', 'description', 'investPeriodYuan', 'investCumulativeYuan', 'problems'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/** column index of an entry field */
export const COL: Record<ReportField, number> = {
  stage: 0,
  percent: 1,
  description: 2,
  investPeriodYuan: 3,
  investCumulativeYuan: 4,
  problems: 5,
};

/** the read-only reference column after the editable ones */
export const PREVIOUS_COL = REPORT_FIELDS.length;

export const FIELD_LABELS: Record<ReportField, string> = {
  stage: '建设阶段',
  percent: '形象进度（%）',
  description: '形象进度描述',
  investPeriodYuan: '本月完成投资（万元）',
  investCumulativeYuan: '累计完成投资（万元）',
  problems: '存在问题',
};

/** "1 前期工作 · 2 在建 · …": the stage column accepts the number instead of typing Chinese */
export const STAGE_SHORTCUTS = PROGRESS_STAGES.map((s, i) => `${i + 1} ${s}`).join(' · ');

const ok = <V>(value: V): ParseResult<V> => ({ ok: true, value });
const bad = (message: string): { ok: false; message: string } => ({ ok: false, message });

/**
 * A stage from its name, its number (1–7, in PROGRESS_STAGES order) or an unambiguous
 * beginning ("竣" → 竣工验收); '' is "not chosen" (required only on a row being saved).
 */
export function parseStage(text: string): ParseResult<ReportValue> {
  const t = normaliseText(text).replace(/\s+/g, '');
  if (t === '') return ok('');
  const byNumber = /^[1-9]$/.test(t) ? PROGRESS_STAGES[Number(t) - 1] : undefined;
  if (byNumber) return ok(byNumber);
  const exact = PROGRESS_STAGES.find((s) => s === t);
  if (exact) return ok(exact);
  const starts = PROGRESS_STAGES.filter((s) => s.startsWith(t));
  if (starts.length === 1 && starts[0]) return ok(starts[0]);
  return bad(`建设阶段应为 ${PROGRESS_STAGES.join('、')} 之一（也可输入序号 1–${PROGRESS_STAGES.length}），读到“${text.trim()}”`);
}

/** 0–100 with at most one decimal; a trailing % is accepted; '' is null. */
export function parsePercent(text: string): ParseResult<ReportValue> {
  const t = text.replace(/[\s\u00a0\u3000]/g, '').replace(/[%％]$/, '');
  if (t === '') return ok(null);
  const n = parseNumber(t);
  if (!n.ok) return bad(`形象进度应为 0 至 100 的数字，读到“${text.trim()}”`);
  if (n.value < 0 || n.value > 100) return bad('形象进度应在 0 至 100 之间');
  if (Math.round(n.value * 10) !== n.value * 10) return bad('形象进度最多 1 位小数');
  return ok(n.value);
}

export function parseWan(text: string): ParseResult<ReportValue> {
  const r = parseWanText(text);
  return r.ok ? ok(r.yuan) : bad(r.message);
}

export function parseFreeText(label: string) {
  return (text: string): ParseResult<ReportValue> => {
    const t = normaliseText(text);
    return t.length > TEXT_MAX ? bad(`${label}最多 ${TEXT_MAX} 字`) : ok(t);
  };
}

export const textOf = (v: ReportValue): string => (typeof v === 'string' ? v : '');
export const numberOf = (v: ReportValue | undefined): number | null => (typeof v === 'number' ? v : null);

const formatNumber = (v: ReportValue): string => (typeof v === 'number' ? String(v) : '');
const formatAmount = (v: ReportValue): string => formatWanCell(numberOf(v));

/** A required cell of a row being saved. */
const required = (message: string) => (value: ReportValue, _row: RowContext<ReportValue>): string | null =>
  value === null || value === '' ? message : null;

function editable(field: ReportField, width: number, extra: Partial<EditableColumn<ReportValue>>): EditableColumn<ReportValue> {
  return {
    key: field,
    header: FIELD_LABELS[field],
    width,
    align: 'left',
    parse: parseFreeText(FIELD_LABELS[field]),
    format: textOf,
    ...extra,
  };
}

export function reportColumns(previousHeader: string): GridColumn<ReportValue>[] {
  return [
    editable('stage', 92, {
      parse: parseStage,
      options: PROGRESS_STAGES,
      validate: required('请填写建设阶段（可输入序号 1–7）'),
    }),
    editable('percent', 78, { align: 'right', parse: parsePercent, format: formatNumber, validate: required('请填写形象进度（0–100）') }),
    editable('description', 220, {}),
    editable('investPeriodYuan', 108, { align: 'right', parse: parseWan, format: formatAmount }),
    editable('investCumulativeYuan', 108, {
      align: 'right',
      parse: parseWan,
      format: formatAmount,
      validate: required('请填写累计完成投资（没有可填 0）'),
    }),
    editable('problems', 180, {}),
    {
      key: 'previous',
      header: previousHeader,
      label: previousHeader,
      width: 220,
      readOnly: true,
      parse: (text) => ok(text),
      format: textOf,
    },
  ];
}
