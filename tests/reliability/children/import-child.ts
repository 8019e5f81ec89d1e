// Child of crash-import.test.ts: imports one annex workbook through the import pipeline
// (preview, then apply: the code every door runs), printing markers with fs.writeSync so
// each is out before the next step runs:
//   APPLY  inside the write transaction, before the first row
//   DONE   after the commit
// It opens the database directly rather than the whole backend: a child that starts fast
// leaves time for more kills. argv: dbPath, xlsxPath
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../../../src/backend/context';
import { openDatabase } from '../../../src/backend/db/connection';
import { applyWorkbook, previewWorkbook } from '../../../src/backend/import/pipeline';

const [dbPath, file] = process.argv.slice(2);
if (!dbPath || !file) throw new Error('usage: import-child DB XLSX');
const mark = (line: string): void => void fs.writeSync(1, `${line}\n`);
const db = openDatabase(dbPath);
let inside = false;
const ctx: ServiceContext = {
  db,
  dbPath,
  dataDir: path.dirname(path.resolve(dbPath)),
  user: 'crash-test',
  door: 'cli',
  today: () => '2026-11-29',
  progress: (phase, done) => {
    if (phase === '写入数据库' && done === 0 && !inside) {
      inside = true;
      mark('APPLY');
    }
  },
};
const preview = await previewWorkbook(ctx, { kind: 'annex', fileName: path.basename(file), bytes: fs.readFileSync(file) });
const result = await applyWorkbook(ctx, preview.token);
mark(`DONE ${result.added}`);
db.close();
