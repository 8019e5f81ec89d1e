// Turns an <input accept> string (".xlsx,.xls") into Electron dialog filters, and
// names the save dialog's filter after the file's extension. Pure, unit-tested.
// (File names themselves: src/domain/file-name.ts safeFileName.)

export interface FileFilter {
  name: string;
  extensions: string[];
}

const NAMES: Record<string, string> = {
  xlsx: 'Excel 工作簿',
  xls: 'Excel 工作簿',
  xlsm: 'Excel 工作簿',
  et: 'WPS 表格',
  csv: 'CSV 文件',
  pdf: 'PDF 文件',
  json: 'JSON 文件',
};

const MIME_EXT: Record<string, string[]> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.ms-excel': ['xls'],
  'application/pdf': ['pdf'],
  'text/csv': ['csv'],
};

export function acceptToFilters(accept: string): FileFilter[] {
  const exts: string[] = [];
  for (const raw of accept.split(',')) {
    const item = raw.trim().toLowerCase();
    if (item.startsWith('.') && item.length > 1) exts.push(item.slice(1));
    else for (const e of MIME_EXT[item] ?? []) exts.push(e);
  }
  const unique = [...new Set(exts)];
  const all: FileFilter = { name: '所有文件', extensions: ['*'] };
  if (unique.length === 0) return [all];
  const names = [...new Set(unique.map((e) => NAMES[e] ?? `${e.toUpperCase()} 文件`))];
  return [{ name: names.join(' / '), extensions: unique }, all];
}

export function saveFilters(fileName: string): FileFilter[] {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return ext === '' ? [] : [{ name: NAMES[ext] ?? `${ext.toUpperCase()} 文件`, extensions: [ext] }];
}
