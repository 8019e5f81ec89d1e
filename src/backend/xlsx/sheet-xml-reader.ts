// A direct reader of the SpreadsheetML parts the importer needs (workbook, relationships,
// shared strings, worksheets, merged ranges), working on the XML the zip guard has already
// inflated. It reads only values, which is all an import needs, many times faster than
// building ExcelJS's full model, and it is indifferent to namespace prefixes (<x:row> as
// WPS writes it). Shared strings and sheets are scanned as bytes (xml-scanner.ts): a 4 MB
// sheet is never decoded into one string, only the values are. Anything it does not
// understand makes it throw, and the caller falls back to ExcelJS.
import type { GridCell, GridRow, GridSheet, WorkbookGrid } from './grid';
import { ascii, XmlScanner } from './xml-scanner';

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

const T = ascii('t');
const R_PH = ascii('rPh');
const SI = ascii('si');

/** Bytes of an XML part: tests and small parts may come as text. */
function bytesOf(xml: string | Buffer): Buffer {
  const b = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  // a UTF-16 part (byte order mark FF FE / FE FF) is beyond this reader: ExcelJS gets it
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) throw new Error('UTF-16 XML part');
  return b;
}

function decoded(b: Buffer, start: number, end: number): string {
  return decodeXmlText(b.toString('utf8', start, end));
}

/**
 * After the start tag of `parent` (<si>, <is>): the text of every <t> up to its end tag,
 * phonetic guides (<rPh>) left out.
 */
function richTextUntil(sc: XmlScanner, parent: Uint8Array): string {
  let out = '';
  let phonetic = 0;
  for (;;) {
    if (!sc.next()) throw new Error(`unclosed <${Buffer.from(parent).toString('latin1')}>`);
    if (sc.closing) {
      if (sc.is(parent)) return out;
      if (phonetic > 0 && sc.is(R_PH)) phonetic--;
    } else if (sc.selfClosing) continue;
    else if (sc.is(R_PH)) phonetic++;
    else if (sc.is(T)) {
      const [s, e] = sc.textOf(T);
      if (phonetic === 0) out += decoded(sc.bytes, s, e);
    }
  }
}

export function readSharedStrings(xml: string | Buffer): string[] {
  const out: string[] = [];
  const sc = new XmlScanner(bytesOf(xml));
  while (sc.next()) {
    if (sc.closing || !sc.is(SI)) continue;
    out.push(sc.selfClosing ? '' : richTextUntil(sc, SI));
  }
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
/** XFD, Excel's last column: a reference past it is not a worksheet the reader knows */
const MAX_COLUMN = 16_383;

const ROW = ascii('row');
const C = ascii('c');
const V = ascii('v');
const F = ascii('f');
const IS = ascii('is');
const MERGE_CELL = ascii('mergeCell');
const R_ATTR = [ascii('r')];
const C_ATTRS = [ascii('r'), ascii('t')];
const REF_ATTR = [ascii('ref')];

/** Cell types (the t attribute), as read from the bytes. */
const TYPE_NUMBER = 0;
const TYPE_SHARED = 1;
const TYPE_INLINE = 2;
const TYPE_STR = 3;
const TYPE_BOOL = 4;
const TYPE_DATE = 5;

function cellType(b: Buffer, s: number, e: number): number {
  if (s < 0) return TYPE_NUMBER;
  const len = e - s;
  const c0 = b[s];
  if (len === 1) {
    if (c0 === 0x73 /* s */) return TYPE_SHARED;
    if (c0 === 0x65 /* e */) return TYPE_STR;
    if (c0 === 0x62 /* b */) return TYPE_BOOL;
    if (c0 === 0x64 /* d */) return TYPE_DATE;
    return TYPE_NUMBER;
  }
  const t = b.toString('latin1', s, e);
  if (t === 'str') return TYPE_STR;
  if (t === 'inlineStr') return TYPE_INLINE;
  return TYPE_NUMBER;
}

/** Digits only (at most 15, so exact) → their value; else -1. */
function smallInteger(b: Buffer, s: number, e: number): number {
  if (e <= s || e - s > 15) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = (b[i] ?? 0) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** "AB12" at b[s, e) → 27; -1 without letters. */
function columnOf(b: Buffer, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = b[i] ?? 0;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    if (n > MAX_COLUMN + 1) break;
  }
  return n - 1;
}

/** A <v> of a number cell: the number, or its text when it is none. */
function numberValue(b: Buffer, s: number, e: number): number | string {
  const small = smallInteger(b, s, e);
  if (small >= 0) return small;
  const v = b.toString('utf8', s, e);
  const n = Number(v);
  return Number.isFinite(n) && v.trim() !== '' ? n : decodeXmlText(v);
}

const attrs = new Int32Array(4);

/** The value of a cell of `type` whose <v> holds b[s, e). */
function cellValue(b: Buffer, type: number, s: number, e: number, shared: readonly string[]): number | string | null {
  // openpyxl writes formulas with an empty <v/>: no cached result
  if (s === e && type !== TYPE_SHARED) return null;
  switch (type) {
    case TYPE_SHARED: {
      let i = smallInteger(b, s, e);
      if (i < 0) i = Number(b.toString('latin1', s, e));
      const text = shared[i];
      if (text === undefined) throw new Error(`shared string ${b.toString('latin1', s, Math.min(e, s + 20))} missing`);
      return text;
    }
    case TYPE_STR:
      return decoded(b, s, e);
    case TYPE_BOOL:
      return e - s === 1 && b[s] === 0x31 ? 'TRUE' : 'FALSE';
    case TYPE_DATE:
      return decoded(b, s, e).slice(0, 10);
    default:
      return numberValue(b, s, e);
  }
}

const V_OPEN = ascii('<v>');
const V_C_CLOSE = ascii('</v></c>');

/** After a <c> start tag: the cell up to its end tag (null value and formula when it has neither). */
function readCell(sc: XmlScanner, type: number, shared: readonly string[]): GridCell {
  const b = sc.bytes;
  // the usual cell, "<v>…</v></c>" with no prefix, read straight from the bytes
  if (type !== TYPE_INLINE && sc.skip(V_OPEN)) {
    const s = sc.pos;
    const e = sc.nextLt();
    sc.pos = e;
    if (sc.skip(V_C_CLOSE)) return { value: cellValue(b, type, s, e, shared), formula: null };
    sc.pos = s - V_OPEN.length;
  }
  let f: [number, number] | null = null;
  let v: [number, number] | null = null;
  let sawV = false;
  let inline: string | null | undefined;
  for (;;) {
    if (!sc.next()) throw new Error('unclosed <c>');
    if (sc.closing) {
      if (sc.is(C)) break;
      continue;
    }
    if (f === null && sc.is(F)) f = sc.selfClosing ? [0, 0] : sc.textOf(F);
    else if (!sawV && sc.is(V)) {
      sawV = true;
      // <v/>: no cached result
      if (!sc.selfClosing) v = sc.textOf(V);
    } else if (inline === undefined && sc.is(IS)) inline = sc.selfClosing ? null : richTextUntil(sc, IS);
  }
  const formula = f ? decoded(b, f[0], f[1]) || '(shared)' : null;
  if (type === TYPE_INLINE) return { value: inline ?? null, formula };
  return { value: v === null ? null : cellValue(b, type, v[0], v[1], shared), formula };
}

/** Rows between progress reports while reading a sheet. */
const PROGRESS_EVERY_ROWS = 1000;

/**
 * The rows of a worksheet part, merged ranges filled with their master's value.
 * `onAt(position)` is called now and then with how many bytes into the part the reader is.
 */
export function readSheetXml(xml: string | Buffer, shared: readonly string[], onAt?: (position: number) => void): GridRow[] {
  const b = bytesOf(xml);
  const sc = new XmlScanner(b);
  const rows: GridRow[] = [];
  const merges: string[] = [];
  // rows come in order in every file seen; out of order they are sorted at the end
  let inOrder = true;
  let nextRow = 1;
  let seen = 0;
  while (sc.next()) {
    if (sc.closing) continue;
    if (sc.is(MERGE_CELL)) {
      sc.attrs(REF_ATTR, attrs);
      const ref = attrs[0] === -1 ? '' : decoded(b, attrs[0] ?? 0, attrs[1] ?? 0);
      if (ref.includes(':')) merges.push(ref);
      continue;
    }
    if (!sc.is(ROW)) continue;
    if (onAt && ++seen % PROGRESS_EVERY_ROWS === 0) onAt(sc.tagStart);
    sc.attrs(R_ATTR, attrs);
    let rowNumber = nextRow;
    const rs = attrs[0] ?? -1;
    const re = attrs[1] ?? -1;
    if (rs !== -1 && re > rs) {
      const n = smallInteger(b, rs, re);
      rowNumber = n >= 0 ? n : Number(decoded(b, rs, re));
    }
    nextRow = rowNumber + 1;
    if (sc.selfClosing) continue;
    const cells: GridCell[] = [];
    let nextCol = 0;
    for (;;) {
      if (!sc.next()) throw new Error('unclosed <row>');
      if (sc.closing) {
        if (sc.is(ROW)) break;
        continue;
      }
      if (!sc.is(C)) continue;
      sc.attrs(C_ATTRS, attrs);
      const col = (attrs[0] ?? -1) === -1 ? nextCol : columnOf(b, attrs[0] ?? 0, attrs[1] ?? 0);
      if (col < 0 || col > MAX_COLUMN) throw new Error(`cell reference out of range in row ${rowNumber}`);
      nextCol = col + 1;
      if (sc.selfClosing) continue;
      const cell = readCell(sc, cellType(b, attrs[2] ?? -1, attrs[3] ?? -1), shared);
      if (cell.value !== null || cell.formula !== null) cells[col] = cell;
    }
    if (cells.length === 0) continue;
    for (let i = 0; i < cells.length; i++) cells[i] ??= { value: null, formula: null };
    const last = rows[rows.length - 1];
    if (last && last.rowNumber >= rowNumber) inOrder = false;
    rows.push({ rowNumber, cells });
  }
  // merged ranges: every cell of the range shows the master's value, as Excel displays it
  // (rows by number only when there are merges: a map of 10,000 rows is a cost)
  const byNumber = new Map<number, GridRow>();
  if (merges.length > 0) for (const row of rows) byNumber.set(row.rowNumber, row);
  for (const ref of merges) {
    const [a = '', z = ''] = ref.split(':');
    const r1 = rowOf(a);
    const r2 = rowOf(z);
    const c1 = columnIndex(a);
    const c2 = columnIndex(z);
    if ((r2 - r1 + 1) * (c2 - c1 + 1) > MAX_MERGE_FILL) continue;
    const master = byNumber.get(r1)?.cells[c1];
    if (!master || master.value === null) continue;
    for (let r = r1; r <= r2; r++) {
      let row = byNumber.get(r);
      if (!row) {
        row = { rowNumber: r, cells: [] };
        byNumber.set(r, row);
        rows.push(row);
        inOrder = false;
      }
      for (let c = c1; c <= c2; c++) {
        if (r === r1 && c === c1) continue;
        row.cells[c] = { value: master.value, formula: null };
      }
      for (let i = 0; i < row.cells.length; i++) row.cells[i] ??= { value: null, formula: null };
    }
  }
  if (!inOrder) rows.sort((x, y) => x.rowNumber - y.rowNumber);
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
  const sharedXml = sharedRel ? parts.get(resolvePart(baseDir, sharedRel.target)) : undefined;
  const shared = sharedXml ? readSharedStrings(sharedXml) : [];
  const sheets: GridSheet[] = [];
  const entries: { name: string; hidden: boolean; xml: Buffer }[] = [];
  eachElement(workbookXml, 'sheet', (el) => {
    const name = attr(el.head, 'name');
    const rel = rels.find((r) => r.id === attr(el.head, 'id'));
    if (!name || !rel) throw new Error(`sheet ${name ?? '?'} has no part`);
    if (!rel.type.endsWith('/worksheet')) return; // chart sheets, dialog sheets
    const xml = parts.get(resolvePart(baseDir, rel.target));
    if (xml === undefined) throw new Error(`sheet part ${rel.target} missing`);
    const state = attr(el.head, 'state');
    entries.push({ name, hidden: state === 'hidden' || state === 'veryHidden', xml });
  });
  // progress in bytes of sheet XML read: a real fraction of the work, known up front
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
