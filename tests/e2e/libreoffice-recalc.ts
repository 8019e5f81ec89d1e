// LibreOffice as the independent calculator for exported workbooks: every cached formula
// result is removed first (so the figures can only come from LibreOffice's own calculation),
// it is told to recalculate on load, and every sheet is converted to UTF-8 CSV of raw values.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { hasTool, soffice } from '../fixtures/xlsx/corpus';

export const HAS_SOFFICE = hasTool('soffice');

// OOXMLRecalcMode 0 = always recalculate on load
const RECALC_ALWAYS =
  '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>';

// comma, double quote, UTF-8, from line 1, raw values (not as shown), every sheet to its own file
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** The workbook with every `<f>…</f><v>…</v>` reduced to `<f>…</f>`; throws when there was no formula. */
export async function withoutCachedValues(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  let stripped = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    const out = xml.replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1');
    if (/<f>[^<]*<\/f><v>/.test(out)) throw new Error(`cached values left in ${name}`);
    if (out !== xml) stripped++;
    zip.file(name, out);
  }
  if (stripped === 0) throw new Error('no formula with a cached value in the workbook');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Minimal CSV reader for LibreOffice's output (quoted fields, "" escapes, no line breaks in cells). */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').split('\n')) {
    if (line === '') continue;
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

/**
 * Recalculates `xlsxFile` in LibreOffice (cached values stripped) and returns each sheet's
 * rows of raw values, keyed by sheet name. `workDir` holds the copies and LibreOffice's profile.
 */
export async function recalculatedSheets(xlsxFile: string, workDir: string): Promise<Map<string, string[][]>> {
  fs.mkdirSync(path.join(workDir, 'lo-profile', 'user'), { recursive: true });
  fs.writeFileSync(path.join(workDir, 'lo-profile', 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const input = path.join(workDir, 'nocache.xlsx');
  fs.writeFileSync(input, await withoutCachedValues(fs.readFileSync(xlsxFile)));
  const outDir = path.join(workDir, 'csv');
  fs.mkdirSync(outDir, { recursive: true });
  soffice(['--convert-to', CSV_FILTER, '--outdir', outDir, input], workDir);
  const sheets = new Map<string, string[][]>();
  // one sheet: nocache.csv; several: nocache-<sheet>.csv
  for (const f of fs.readdirSync(outDir).filter((n) => n.startsWith('nocache') && n.endsWith('.csv'))) {
    const name = f.replace(/^nocache-?/, '').replace(/\.csv$/, '');
    sheets.set(name, readCsv(fs.readFileSync(path.join(outDir, f), 'utf8')));
  }
  if (sheets.size === 0) throw new Error(`LibreOffice wrote no CSV into ${outDir}`);
  return sheets;
}

/** LibreOffice's raw value of a percent cell keeps the sign ("46.28158989%"); '' stays null. */
export function rawRate(s: string | undefined): number | null {
  if (s === undefined || s === '') return null;
  return s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s);
}
