// A direct reader of the SpreadsheetML parts the importer needs (workbook, relationships,
// shared strings, worksheets, merged ranges), working on the XML the zip guard has already
// inflated. It reads only values, which is all an import needs, about ten times faster
// than building ExcelJS's full model, and it is indifferent to namespace prefixes
// (<x:row> as WPS writes it). Anything it does not understand makes it throw, and the
// caller falls back to ExcelJS.
import type { GridCell, GridRow, GridSheet, WorkbookGrid } from './grid';

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXmlText(s: string): string {
  const t = s.includes('&')
    ? s.replace(ENTITY, (_m, e: string) => {
        if (e === 'amp') return '&';
        if (e === 'lt') return '<';
        if (e === 'gt') return '>';
        if (e === 'quot') return '"';
        if (e === 'apos') return "'";
        const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return String.fromCodePoint(code);
      })
    : s;
  return t.includes('_x') ? t.replace(OOXML_ESCAPE, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : t;
}

const ATTR_RE = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = ATTR_RE.get(name);
  if (!re) {
    re = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR_RE.set(name, re);
  }
  const m = re.exec(tag);
  if (!m) return undefined;
  return decodeXmlText(m[1] ?? m[2] ?? '');
}

interface Element {
  /** index of the element's "<" */
  start: number;
  /** the attributes text of the start tag */
  head: string;
  /** the content between start and end tag; null for <x/> */
  body: string | null;
  /** index just after the element */
  end: number;
}

const START_RE = new Map<string, RegExp>();

/**
 * Calls `cb` for each <name …>…</name> (any prefix) in xml[from, to). Linear in the text:
 * every search moves forward, so a hostile file cannot make it backtrack (no lazy
 * "anything" regexes). The elements read here never nest inside themselves. Throws on an
 * element that is never closed.
 */
function eachElement(xml: string, name: string, cb: (el: Element) => void | false, from = 0, to = xml.length): void {
  let re = START_RE.get(name);
  if (!re) {
    re = new RegExp(`<(?:([\\w.-]+):)?${name}(?=[\\s>/])`, 'g');
    START_RE.set(name, re);
  }
  let pos = from;
  while (pos < to) {
    re.lastIndex = pos;
    const m = re.exec(xml);
    if (!m || m.index >= to) return;
    const gt = xml.indexOf('>', m.index);
    if (gt === -1 || gt >= to) throw new Error(`unterminated <${name}>`);
    const selfClosing = xml.charCodeAt(gt - 1) === 47; /* '/' */
    const head = xml.slice(m.index + m[0].length, selfClosing ? gt - 1 : gt);
    if (selfClosing) {
      pos = gt + 1;
      if (cb({ start: m.index, head, body: null, end: pos }) === false) return;
      continue;
    }
    const close = m[1] ? `</${m[1]}:${name}>` : `</${name}>`;
    const end = xml.indexOf(close, gt + 1);
    if (end === -1 || end > to) throw new Error(`unclosed <${name}>`);
    pos = end + close.length;
    if (cb({ start: m.index, head, body: xml.slice(gt + 1, end), end: pos }) === false) return;
  }
}

function firstElement(xml: string, name: string): Element | null {
  let found: Element | null = null;
  eachElement(xml, name, (el) => {
    found = el;
    return false;
  });
  return found;
}

/** The text of a shared string or inline string: every <t>, phonetic guides (<rPh>) left out. */
function richText(xml: string): string {
  const phonetic: [number, number][] = [];
  if (xml.includes('rPh')) eachElement(xml, 'rPh', (el) => void phonetic.push([el.start, el.end]));
  let out = '';
  eachElement(xml, 't', (el) => {
    if (el.body === null || phonetic.some(([a, b]) => el.start > a && el.start < b)) return;
    out += decodeXmlText(el.body);
  });
  return out;
}

export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  eachElement(xml, 'si', (el) => void out.push(el.body ? richText(el.body) : ''));
  return out;
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

function readRels(xml: string): Rel[] {
  const rels: Rel[] = [];
  eachElement(xml, 'Relationship', (el) => {
    const id = attr(el.head, 'Id');
    const type = attr(el.head, 'Type');
    const target = attr(el.head, 'Target');
    if (id && type && target) rels.push({ id, type, target });
  });
  return rels;
}

function resolvePart(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `${baseDir}/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** "AB12" → 27 (0-based column index 27) */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) : 0;
}

const MAX_MERGE_FILL = 100_000;

function cellValue(type: string | undefined, body: string, shared: readonly string[]): GridCell {
  const f = body.includes('f') ? firstElement(body, 'f') : null;
  const formula = f ? decodeXmlText(f.body ?? '') || '(shared)' : null;
  if (type === 'inlineStr') {
    const is = firstElement(body, 'is');
    return { value: is?.body != null ? richText(is.body) : null, formula };
  }
  const v = firstElement(body, 'v')?.body ?? undefined;
  // openpyxl writes formulas with an empty <v/>: no cached result
  if (v === undefined || (v === '' && type !== 's')) return { value: null, formula };
  switch (type) {
    case 's': {
      const s = shared[Number(v)];
      if (s === undefined) throw new Error(`shared string ${v} missing`);
      return { value: s, formula };
    }
    case 'str':
    case 'e':
      return { value: decodeXmlText(v), formula };
    case 'b':
      return { value: v === '1' ? 'TRUE' : 'FALSE', formula };
    case 'd':
      return { value: decodeXmlText(v).slice(0, 10), formula };
    default: {
      const n = Number(v);
      return { value: Number.isFinite(n) && v.trim() !== '' ? n : decodeXmlText(v), formula };
    }
  }
}

/** Rows between progress reports while reading a sheet. */
const PROGRESS_EVERY_ROWS = 1000;

/** `onAt(position)` is called now and then with how far into `xml` the reader is. */
export function readSheetXml(xml: string, shared: readonly string[], onAt?: (position: number) => void): GridRow[] {
  const rows: GridRow[] = [];
  const byNumber = new Map<number, GridRow>();
  let nextRow = 1;
  let seen = 0;
  eachElement(xml, 'row', (rowEl) => {
    if (onAt && ++seen % PROGRESS_EVERY_ROWS === 0) onAt(rowEl.start);
    const r = attr(rowEl.head, 'r');
    const rowNumber = r ? Number(r) : nextRow;
    nextRow = rowNumber + 1;
    if (!rowEl.body) return;
    const cells: GridCell[] = [];
    let nextCol = 0;
    eachElement(rowEl.body, 'c', (cellEl) => {
      const ref = attr(cellEl.head, 'r');
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const cell = cellValue(attr(cellEl.head, 't'), cellEl.body ?? '', shared);
      if (cell.value !== null || cell.formula !== null) cells[col] = cell;
    });
    if (cells.length === 0) return;
    for (let i = 0; i < cells.length; i++) cells[i] ??= { value: null, formula: null };
    const row = { rowNumber, cells };
    rows.push(row);
    byNumber.set(rowNumber, row);
  });
  // merged ranges: every cell of the range shows the master's value, as Excel displays it
  const merges: string[] = [];
  eachElement(xml, 'mergeCell', (el) => {
    const ref = attr(el.head, 'ref');
    if (ref?.includes(':')) merges.push(ref);
  });
  for (const ref of merges) {
    const [a = '', b = ''] = ref.split(':');
    const r1 = rowOf(a);
    const r2 = rowOf(b);
    const c1 = columnIndex(a);
    const c2 = columnIndex(b);
    if ((r2 - r1 + 1) * (c2 - c1 + 1) > MAX_MERGE_FILL) continue;
    const master = byNumber.get(r1)?.cells[c1];
    if (!master || master.value === null) continue;
    for (let r = r1; r <= r2; r++) {
      let row = byNumber.get(r);
      if (!row) {
        row = { rowNumber: r, cells: [] };
        byNumber.set(r, row);
        rows.push(row);
      }
      for (let c = c1; c <= c2; c++) {
        if (r === r1 && c === c1) continue;
        row.cells[c] = { value: master.value, formula: null };
      }
      for (let i = 0; i < row.cells.length; i++) row.cells[i] ??= { value: null, formula: null };
    }
  }
  rows.sort((x, y) => x.rowNumber - y.rowNumber);
  return rows;
}

function text(parts: ReadonlyMap<string, Buffer>, name: string): string | undefined {
  return parts.get(name)?.toString('utf8');
}

/** All sheets of a workbook from its inflated XML parts. Throws on any structure it does not expect. */
export function readWorkbookXml(
  parts: ReadonlyMap<string, Buffer>,
  onProgress?: (phase: string, done: number, total: number) => void,
): WorkbookGrid {
  const rootRels = readRels(text(parts, '_rels/.rels') ?? '');
  const officeDoc = rootRels.find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = officeDoc ? resolvePart('', officeDoc.target) : 'xl/workbook.xml';
  const workbookXml = text(parts, workbookPath);
  if (!workbookXml || !firstElement(workbookXml, 'workbook') || !firstElement(workbookXml, 'sheets')) {
    throw new Error(`workbook part ${workbookPath} missing or not SpreadsheetML`);
  }
  const baseDir = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/')) : '';
  const relsPath = `${baseDir ? `${baseDir}/` : ''}_rels/${workbookPath.slice(baseDir.length + (baseDir ? 1 : 0))}.rels`;
  const rels = readRels(text(parts, relsPath) ?? '');
  const sharedRel = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const sharedXml = sharedRel ? text(parts, resolvePart(baseDir, sharedRel.target)) : undefined;
  const shared = sharedXml ? readSharedStrings(sharedXml) : [];
  const sheets: GridSheet[] = [];
  const entries: { name: string; hidden: boolean; xml: string }[] = [];
  eachElement(workbookXml, 'sheet', (el) => {
    const name = attr(el.head, 'name');
    const rel = rels.find((r) => r.id === attr(el.head, 'id'));
    if (!name || !rel) throw new Error(`sheet ${name ?? '?'} has no part`);
    if (!rel.type.endsWith('/worksheet')) return; // chart sheets, dialog sheets
    const xml = text(parts, resolvePart(baseDir, rel.target));
    if (xml === undefined) throw new Error(`sheet part ${rel.target} missing`);
    const state = attr(el.head, 'state');
    entries.push({ name, hidden: state === 'hidden' || state === 'veryHidden', xml });
  });
  // progress in characters of sheet XML read: a real fraction of the work, known up front
  const total = entries.reduce((n, e) => n + e.xml.length, 0);
  let before = 0;
  onProgress?.('读取工作簿', 0, total);
  for (const e of entries) {
    const base = before;
    sheets.push({ name: e.name, hidden: e.hidden, rows: readSheetXml(e.xml, shared, onProgress ? (at) => onProgress('读取工作簿', base + at, total) : undefined) });
    before += e.xml.length;
    onProgress?.('读取工作簿', before, total);
  }
  return { sheets };
}
