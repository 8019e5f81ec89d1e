// Reads the figures out of the annex's 拟建设规模和建设内容 texts. Only labelled figures count
// (占地 / 建筑面积 / 床位 / 墓位 / 吊唁厅); ranges and "约" are kept; nothing is estimated.
import type { Quantity, ScaleMetrics } from './model';

type Metric = keyof ScaleMetrics;

interface Candidate {
  metric: Metric;
  quantity: Quantity;
  /** 3 total (合计/总计…), 2 plain, 1 breakdown in brackets, 0 per-site (每个/各) */
  rank: number;
}

const FULL_WIDTH_DIGIT = /[０-９]/gu;

/** Full-width digits and punctuation to ASCII so one set of patterns fits both. */
export function normalizeScaleText(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/gu, '.')
    .replace(/[ｍＭM](?=[²2])/gu, 'm')
    .replace(/[－～〜]/gu, '-')
    .replace(/(\d)\s*[—–~至到]\s*(?=\d)/gu, '$1-');
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(万)?`;
const FIGURE_RE = new RegExp(
  String.raw`(大约|约|近)?\s*${NUM}(?:\s*(?:m²|㎡|m2|平方米|平米|亩|张|个)?\s*-\s*${NUM})?\s*(m²|㎡|m2|平方米|平米|亩|张|个)(左右)?`,
  'gu',
);
// A clause ends at these; the words of the clause say what the figure measures.
const CLAUSE_BREAK = '，,。；;：:、（）()';

function toNumber(digits: string | undefined, wan: string | undefined): number | null {
  if (digits === undefined) return null;
  const n = Number(digits.replace(/,/gu, ''));
  if (!Number.isFinite(n)) return null;
  return wan ? Math.round(n * 10000 * 1e6) / 1e6 : n;
}

// as UTF-16 units (all in the BMP): an import parses 10,000 texts, and a regex test per
// character was the parser's main cost
const CLAUSE_BREAK_CODES = new Set([...CLAUSE_BREAK].map((c) => c.charCodeAt(0)));

function clauseBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !CLAUSE_BREAK_CODES.has(text.charCodeAt(start - 1))) start--;
  return text.slice(start, index);
}

const OPEN_FULL = '（'.charCodeAt(0);
const CLOSE_FULL = '）'.charCodeAt(0);
const OPEN = 40; // (
const CLOSE = 41; // )

function bracketDepth(text: string, index: number): number {
  let depth = 0;
  // code units, not code points: the brackets are BMP characters, never halves of a pair
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_FULL || c === OPEN) depth++;
    else if ((c === CLOSE_FULL || c === CLOSE) && depth > 0) depth--;
  }
  return depth;
}

function sentenceBefore(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('。', index - 1) + 1, 0);
  return text.slice(start, index);
}

/** A bare "（每个150-800m²）" restates per site the area last named before it. */
function lastAreaLabel(before: string): Metric | null {
  const land = Math.max(before.lastIndexOf('占地'), before.lastIndexOf('用地'));
  const floor = before.lastIndexOf('建筑面积');
  if (land < 0 && floor < 0) return null;
  return land > floor ? 'landAreaM2' : 'floorAreaM2';
}

export function parseScale(text: string): ScaleMetrics {
  const t = normalizeScaleText(text);
  const candidates: Candidate[] = [];

  for (const m of t.matchAll(FIGURE_RE)) {
    const index = m.index;
    // "1-2万个": the 万 of the upper bound applies to the lower one as well
    const lower = toNumber(m[2], m[3] ?? (m[4] !== undefined ? m[5] : undefined));
    if (lower === null) continue;
    const max = toNumber(m[4], m[5]) ?? lower;
    const unit = m[6] ?? '';
    const clause = clauseBefore(t, index);
    const each = /每|各/u.test(clause);
    const total = /合计|共计|总/u.test(clause);
    const inBrackets = bracketDepth(t, index) > 0;

    let metric: Metric | null = null;
    if (unit === '亩') metric = 'landAreaMu';
    else if (unit === '张') {
      if (/床位/u.test(sentenceBefore(t, index) + clause)) metric = 'beds';
    } else if (unit === '个') {
      if (/墓位|墓穴/u.test(clause)) metric = 'gravePlots';
      else if (/吊唁厅|悼念厅/u.test(clause)) metric = 'halls';
    } else if (/占地|用地/u.test(clause)) metric = 'landAreaM2';
    else if (/建筑面积/u.test(clause)) metric = 'floorAreaM2';
    else if (each) metric = lastAreaLabel(t.slice(0, index));
    if (metric === null) continue;

    const source = m[0].trim();
    candidates.push({
      metric,
      quantity: {
        min: Math.min(lower, max),
        max: Math.max(lower, max),
        approx: Boolean(m[1] || m[7]),
        each,
        source,
      },
      rank: each ? 0 : total ? 3 : inBrackets ? 1 : 2,
    });
  }

  // one figure per metric: the total beats a plain figure, which beats a bracketed
  // breakdown, which beats a per-site figure; among equals the first one written wins
  const best = new Map<Metric, Candidate>();
  for (const c of candidates) {
    const current = best.get(c.metric);
    if (!current || c.rank > current.rank) best.set(c.metric, c);
  }
  const metrics: ScaleMetrics = {};
  for (const [metric, c] of best) metrics[metric] = c.quantity;
  return metrics;
}
