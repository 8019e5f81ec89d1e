// The byte-level sheet reader (xml-scanner.ts + sheet-xml-reader.ts): the fast path for the
// usual "<v>…</v></c>" cell and the general path read the same cells, markup it does not
// read is skipped, and anything it cannot read throws (so ExcelJS gets the file).
import { describe, expect, it } from 'vitest';
import { readSharedStrings, readSheetXml } from '../../src/backend/xlsx/sheet-xml-reader';
import { ascii, XmlScanner } from '../../src/backend/xlsx/xml-scanner';

const sheet = (rows: string, after = ''): string => `<?xml version="1.0"?><worksheet><sheetData>${rows}</sheetData>${after}</worksheet>`;
const values = (xml: string, shared: string[] = []): unknown[][] => readSheetXml(xml, shared).map((r) => [r.rowNumber, ...r.cells.map((c) => c.value)]);

describe('XmlScanner', () => {
  it('reads start and end tags with any prefix, skipping comments, CDATA and processing instructions', () => {
    const xml = '<?xml version="1.0"?><!-- <row> --><x:a k="1>2" j=\'"\'><![CDATA[<b>]]><b/></x:a>';
    const sc = new XmlScanner(Buffer.from(xml));
    const seen: string[] = [];
    while (sc.next()) seen.push(`${sc.closing ? '/' : ''}${sc.name()}${sc.selfClosing ? '/' : ''}`);
    expect(seen).toEqual(['a', 'b/', '/a']);
  });

  it('gives attribute values by local name, quotes respected', () => {
    const sc = new XmlScanner(Buffer.from('<c x:r="B7" s="3" t=\'s\'>'));
    expect(sc.next()).toBe(true);
    const out = new Int32Array(4);
    sc.attrs([ascii('r'), ascii('t')], out);
    expect(sc.bytes.toString('latin1', out[0], out[1])).toBe('B7');
    expect(sc.bytes.toString('latin1', out[2], out[3])).toBe('s');
    sc.attrs([ascii('missing')], out);
    expect(out[0]).toBe(-1);
  });

  it('throws on a tag or comment that never ends', () => {
    expect(() => new XmlScanner(Buffer.from('<row r="1"')).next()).toThrow(/unterminated/);
    expect(() => new XmlScanner(Buffer.from('<!-- no end')).next()).toThrow(/unterminated/);
  });
});

describe('readSheetXml on bytes', () => {
  it('reads the usual cells and the unusual ones alike', () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>12.5</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="str"><v>a&amp;b</v></c></row>' +
        // formula before and after the value, a shared formula, an inline string, an empty cached result
        '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2"><v>3</v><f>1+2</f></c><c r="C2"><f t="shared" si="0"/><v>4</v></c>' +
        '<c r="D2" t="inlineStr"><is><t>行内</t></is></c><c r="E2"><f>SUM(A1:A2)</f><v/></c></row>',
    );
    expect(values(xml, ['零', '一'])).toEqual([
      [1, '一', 12.5, 'TRUE', 'a&b'],
      [2, 2, 3, 4, '行内', null],
    ]);
    const rows = readSheetXml(Buffer.from(xml, 'utf8'), ['零', '一']);
    expect(rows[1]?.cells.map((c) => c.formula)).toEqual(['1+1', '1+2', '(shared)', null, 'SUM(A1:A2)']);
  });

  it('reads numbers exactly as Number() does, and text that is no number as text', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>0012</v></c><c r="B1"><v>-5</v></c><c r="C1"><v>1e3</v></c><c r="D1"><v>123456789012345678</v></c><c r="E1"><v>x</v></c></row>');
    expect(values(xml)).toEqual([[1, 12, -5, 1000, 123456789012345678, 'x']]);
  });

  it('skips rows inside comments, fills merged ranges, and orders rows by number', () => {
    const xml = sheet('<row r="3"><c r="A3"><v>3</v></c></row><!-- <row r="9"><c r="A9"><v>9</v></c></row> --><row r="1"><c r="A1" t="s"><v>0</v></c></row>', '<mergeCells><x:mergeCell ref="A1:B2"/></mergeCells>');
    expect(values(xml, ['合并'])).toEqual([
      [1, '合并', '合并'],
      [2, '合并', '合并'],
      [3, 3],
    ]);
    // rows in order, and a merge that makes a row between them: still in order
    const inOrder = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>', '<mergeCells><mergeCell ref="A1:A2"/></mergeCells>');
    expect(values(inOrder, ['合并'])).toEqual([[1, '合并'], [2, '合并'], [3, 3]]);
  });

  it('throws on what it cannot read, for ExcelJS to try: CDATA values, UTF-16, columns past XFD, a missing shared string', () => {
    expect(() => readSheetXml(sheet('<row r="1"><c r="A1" t="str"><v><![CDATA[<x>]]></v></c></row>'), [])).toThrow(/unclosed <v>/);
    expect(() => readSheetXml(Buffer.from(`\ufeff${sheet('')}`, 'utf16le'), [])).toThrow(/UTF-16/);
    expect(() => readSheetXml(sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'), [])).toThrow(/out of range/);
    expect(() => readSheetXml(sheet('<row r="1"><c r="A1" t="s"><v>5</v></c></row>'), ['a'])).toThrow(/shared string 5 missing/);
  });

  it('reports how far into the part it is, in bytes', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const xml = Buffer.from(sheet(rows));
    const at: number[] = [];
    readSheetXml(xml, [], (p) => at.push(p));
    expect(at.length).toBe(2);
    expect(at.every((p, i) => p > 0 && p < xml.length && (i === 0 || p > (at[i - 1] ?? 0)))).toBe(true);
  });
});

describe('readSharedStrings on bytes', () => {
  it('decodes UTF-8 text and entities, joins runs, leaves out phonetic guides', () => {
    const xml = Buffer.from('<sst><si><t>甲&amp;乙_x0041_</t></si><si><r><t>富</t></r><r><t xml:space="preserve">文本 </t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si><si/></sst>', 'utf8');
    expect(readSharedStrings(xml)).toEqual(['甲&乙A', '富文本 ', '']);
  });
});
