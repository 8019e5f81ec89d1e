// The styles part (xl/styles.xml) of a workbook written by xlsx-writer.ts: each distinct
// CellStyle becomes one cell format (xf) over shared fonts, fills and borders. Styles are
// registered once per object (the exports share one object per kind of cell), so the cost
// per cell is one Map lookup.
import type { CellAlignment, CellFont, CellStyle } from './sheet-doc';
import { xmlEscape } from './xml-text';

// Excel's own defaults; the default font is what column widths are measured in, so it stays
// Calibri 11 as ExcelJS wrote it, and the layout prints as before
const DEFAULT_FONT = '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>';
const DEFAULT_FILLS = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
const NO_BORDER = '<border><left/><right/><top/><bottom/><diagonal/></border>';
const THIN_BORDER = '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>';
const DEFAULT_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';

function fontXml(f: CellFont): string {
  return `<font>${f.bold ? '<b/>' : ''}<sz val="${f.size}"/><name val="${xmlEscape(f.name)}"/></font>`;
}

function alignmentXml(a: CellAlignment): string {
  const vertical = a.vertical === 'middle' ? 'center' : a.vertical;
  return (
    '<alignment' +
    (a.horizontal ? ` horizontal="${a.horizontal}"` : '') +
    (vertical ? ` vertical="${vertical}"` : '') +
    (a.wrapText ? ' wrapText="1"' : '') +
    '/>'
  );
}

/** Index of `xml` in `list`, appending it when new. */
function indexIn(list: string[], xml: string): number {
  const i = list.indexOf(xml);
  if (i >= 0) return i;
  list.push(xml);
  return list.length - 1;
}

export class StyleTable {
  private readonly byObject = new Map<CellStyle, number>();
  private readonly fonts = [DEFAULT_FONT];
  private readonly fills = [...DEFAULT_FILLS];
  private readonly borders = [NO_BORDER];
  private readonly xfs = [DEFAULT_XF];

  /** The cell format index ("s" attribute) of `style`; 0 for none. */
  index(style: CellStyle | undefined): number {
    if (!style) return 0;
    const known = this.byObject.get(style);
    if (known !== undefined) return known;
    const fontId = indexIn(this.fonts, fontXml(style.font));
    const fillId = style.fill ? indexIn(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${xmlEscape(style.fill.fgColor.argb)}"/></patternFill></fill>`) : 0;
    const borderId = style.border ? indexIn(this.borders, THIN_BORDER) : 0;
    const xf =
      `<xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1"` +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (style.alignment ? ` applyAlignment="1">${alignmentXml(style.alignment)}</xf>` : '/>');
    const id = indexIn(this.xfs, xf);
    this.byObject.set(style, id);
    return id;
  }

  xml(): string {
    const list = (tag: string, items: readonly string[]): string => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      list('cellStyleXfs', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
      list('cellXfs', this.xfs) +
      list('cellStyles', ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}
