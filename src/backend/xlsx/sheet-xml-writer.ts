// One worksheet part (xl/worksheets/sheetN.xml) and the shared strings it refers to, written
// straight from a DocSheet: the cells byte by byte (byte-writer.ts), the rest as strings.
// Elements come in the order the schema (CT_Worksheet) demands.
import { columnLetter } from '../../domain/xlsx/column-letter';
import type { DocPrint, DocSheet, DocValue } from './sheet-doc';
import { footerText, frozenTopLeft, PAGE_SETUP } from './sheet-layout';
import { ByteWriter } from './byte-writer';
import type { StyleTable } from './style-table';
import { needsPreserve, xmlCellText, xmlEscape } from './xml-text';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text cells as Excel writes them: each distinct text once, in xl/sharedStrings.xml. */
export class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly items: string[] = [];
  private uses = 0;

  id(text: string): number {
    this.uses++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.items.length;
      this.ids.set(text, id);
      this.items.push(needsPreserve(text) ? `<si><t xml:space="preserve">${xmlCellText(text)}</t></si>` : `<si><t>${xmlCellText(text)}</t></si>`);
    }
    return id;
  }

  xml(): string {
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`单元格数值无效：${n}`);
  return Object.is(n, -0) ? '0' : String(n);
}

/** A cell's number: integers digit by digit, others as JavaScript prints them (valid xsd:double). */
function writeNumber(w: ByteWriter, n: number): void {
  if (Number.isSafeInteger(n) && n >= 0) w.uint(n);
  else w.ascii(numberText(n));
}

/** One <c> element, or nothing for a cell with neither value nor style. */
function writeCell(w: ByteWriter, column: string, row: number, v: DocValue, s: number, strings: SharedStrings): void {
  if (v === null && !s) return;
  w.ascii('<c r="');
  w.ascii(column);
  w.uint(row);
  if (s) {
    w.ascii('" s="');
    w.uint(s);
  }
  if (v === null) w.ascii('"/>');
  else if (typeof v === 'string') {
    w.ascii('" t="s"><v>');
    w.uint(strings.id(v));
    w.ascii('</v></c>');
  } else if (typeof v === 'number') {
    w.ascii('"><v>');
    writeNumber(w, v);
    w.ascii('</v></c>');
  } else {
    w.ascii('"><f>');
    w.utf8(xmlEscape(v.formula));
    w.ascii('</f><v>');
    writeNumber(w, v.result);
    w.ascii('</v></c>');
  }
}

/** '$A$1:$H$18' from 'A1:H18'; '$1:$2' from '1:2'. */
function absolute(range: string): string {
  return range
    .split(':')
    .map((end) => end.replace(/^([A-Z]*)(\d*)$/, (_m, col: string, row: string) => `${col ? `$${col}` : ''}${row ? `$${row}` : ''}`))
    .join(':');
}

/** A sheet name as formulas and defined names quote it. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The workbook's defined names for a printed sheet: print area and repeated rows. */
export function printNames(sheet: DocSheet, index: number): string {
  if (!sheet.print) return '';
  const q = xmlEscape(quotedSheet(sheet.name));
  return (
    `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${q}!${absolute(sheet.print.printArea)}</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${q}!${absolute(sheet.print.printTitlesRow)}</definedName>`
  );
}

function paneXml(frozen: DocPrint['frozen']): string {
  const { xSplit, ySplit } = frozen;
  if (xSplit === 0 && ySplit === 0) return '';
  const pane = xSplit && ySplit ? 'bottomRight' : ySplit ? 'bottomLeft' : 'topRight';
  const at = frozenTopLeft(frozen);
  return (
    `<pane${xSplit ? ` xSplit="${xSplit}"` : ''}${ySplit ? ` ySplit="${ySplit}"` : ''} topLeftCell="${at}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${at}" sqref="${at}"/>`
  );
}

function printXml(p: DocPrint): string {
  const m = PAGE_SETUP.margins;
  return (
    (PAGE_SETUP.horizontalCentered ? '<printOptions horizontalCentered="1"/>' : '') +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="${PAGE_SETUP.paperSize}" orientation="${PAGE_SETUP.orientation}" fitToWidth="${PAGE_SETUP.fitToWidth}" fitToHeight="${PAGE_SETUP.fitToHeight}"/>` +
    `<headerFooter><oddFooter>${xmlEscape(footerText(p.footerLabel))}</oddFooter></headerFooter>`
  );
}

/** The worksheet part of `sheet`; its text cells go into `strings`, its looks into `styles`. */
export function sheetBytes(sheet: DocSheet, styles: StyleTable, strings: SharedStrings): Buffer {
  const widths = sheet.columnWidths ?? [];
  let lastCol = widths.length;
  for (const row of sheet.rows) lastCol = Math.max(lastCol, row.values.length, row.styles?.length ?? 0);
  const letters = Array.from({ length: Math.max(1, lastCol) }, (_, i) => columnLetter(i + 1));

  const p = sheet.print;
  const dimension = `A1:${letters[letters.length - 1]}${Math.max(1, sheet.rows.length)}`;
  const cols = widths.length ? `<cols>${widths.map((wd, i) => `<col min="${i + 1}" max="${i + 1}" width="${wd}" customWidth="1"/>`).join('')}</cols>` : '';
  const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';

  const w = new ByteWriter(1024 + sheet.rows.length * 32 * Math.max(1, lastCol));
  w.utf8(
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      (p ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
      `<dimension ref="${dimension}"/>` +
      `<sheetViews><sheetView workbookViewId="0">${p ? paneXml(p.frozen) : ''}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      cols +
      '<sheetData>',
  );
  const ids: number[] = [];
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    if (!row) continue;
    const r = i + 1;
    const n = Math.max(row.values.length, row.styles?.length ?? 0);
    let any = false;
    for (let c = 0; c < n; c++) {
      ids[c] = styles.index(row.styles?.[c]);
      any ||= ids[c] !== 0 || (row.values[c] ?? null) !== null;
    }
    if (!any && row.height === undefined) continue;
    w.ascii('<row r="');
    w.uint(r);
    if (row.height !== undefined) w.ascii(`" ht="${numberText(row.height)}" customHeight="1`);
    if (!any) {
      w.ascii('"/>');
      continue;
    }
    w.ascii('">');
    for (let c = 0; c < n; c++) writeCell(w, letters[c] ?? 'A', r, row.values[c] ?? null, ids[c] ?? 0, strings);
    w.ascii('</row>');
  }
  w.utf8('</sheetData>' + merges + (p ? printXml(p) : '') + '</worksheet>');
  return Buffer.from(w.bytes());
}
