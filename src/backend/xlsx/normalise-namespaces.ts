// WPS and the OpenXML SDK may write SpreadsheetML with a prefix on the main namespace
// (<x:workbook xmlns:x="…/spreadsheetml/2006/main">). That is valid XML, but ExcelJS
// matches element names literally and fails ("Cannot set properties of undefined (setting
// 'sheetNo')"). Such parts are rewritten to the default namespace before ExcelJS loads
// them; files that don't need it are passed through untouched.
import JSZip from 'jszip';

const DEFAULT_NAMESPACES = [
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://schemas.openxmlformats.org/package/2006/relationships',
  'http://schemas.openxmlformats.org/package/2006/content-types',
];

const PREFIX_DECL = /xmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])([^"']*)\2/g;

/** Prefixes in this XML that are bound to a namespace ExcelJS expects as the default one. */
export function prefixedDefaultNamespaces(xml: string): string[] {
  const found: string[] = [];
  for (const m of xml.matchAll(PREFIX_DECL)) {
    if (m[1] && m[3] && DEFAULT_NAMESPACES.includes(m[3])) found.push(m[1]);
  }
  return found;
}

/** Rewrites <x:tag>, </x:tag> and xmlns:x="ns" to the unprefixed form for each such prefix. */
export function unprefixXml(xml: string): string {
  let out = xml;
  for (const prefix of prefixedDefaultNamespaces(xml)) {
    const p = prefix.replace(/[.]/g, '\\.');
    out = out
      .replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1')
      .replace(new RegExp(`xmlns:${p}(\\s*=)`, 'g'), 'xmlns$1');
  }
  return out;
}

function headOf(data: Buffer): string {
  // namespace declarations sit on the root element, near the start
  return data.subarray(0, 4096).toString('utf8');
}

/** Names of the XML parts that need rewriting. */
export function partsNeedingNormalisation(xmlParts: ReadonlyMap<string, Buffer>): string[] {
  return [...xmlParts].filter(([, data]) => prefixedDefaultNamespaces(headOf(data)).length > 0).map(([name]) => name);
}

/** The workbook bytes ExcelJS can read: the same buffer when nothing is prefixed, else a rewritten zip. */
export async function normaliseNamespaces(buf: Buffer, xmlParts: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const names = partsNeedingNormalisation(xmlParts);
  if (names.length === 0) return buf;
  const zip = await JSZip.loadAsync(buf);
  for (const name of names) {
    const data = xmlParts.get(name);
    if (data) zip.file(name, unprefixXml(data.toString('utf8')));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
