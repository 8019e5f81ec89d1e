// 导出进度月报 / 导入进度月报… on the monthly report page: the month's 进度月报 workbook for
// officers who fill it in Excel or WPS, and its import back through the shared preview
// dialog (preview → 应用 = backup + one transaction; the page's 撤销 then offers
// 撤销本次导入). The backend does every check; this component only sends and shows.
import { useCallback, useState } from 'react';
import type { ApiError } from '../../domain/api/errors';
import { chineseMonth } from '../../domain/calendar';
import { send } from '../api-client';
import ErrorBanner from '../components/ErrorBanner';
import ImportDialog, { type ImportDialogState } from '../components/ImportDialog';
import { toApiError } from '../components/use-api';
import '../components/xlsx.css';
import { withImportProgress } from '../import-progress';
import { shell } from '../shell';

const ACCEPT = '.xlsx,.xlsm';

interface Props {
  planId: number;
  month: string;
  /** unsaved edits in the grid: an import would be shown over them, so it waits */
  dirty: boolean;
  readOnly: boolean;
  /** after an import was applied: reload the grid and what 撤销 offers */
  onImported: () => void;
}

export default function ProgressWorkbookTools({ planId, month, dirty, readOnly, onImported }: Props) {
  const [dialog, setDialog] = useState<ImportDialogState | null>(null);
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const working = dialog?.kind === 'working' || exporting;

  const exportReport = useCallback(async () => {
    setNotice(null);
    setError(null);
    setExporting(true);
    try {
      const file = await send('xlsx.export', { kind: 'progress', planId, month });
      if (await shell.saveFile(file.fileName, file.base64)) setNotice(`已导出 ${file.fileName}`);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setExporting(false);
    }
  }, [planId, month]);

  const importReport = useCallback(async () => {
    setNotice(null);
    setError(null);
    let file: { fileName: string; base64: string } | null;
    try {
      file = await shell.openFile(ACCEPT);
    } catch (e) {
      setError(toApiError(e));
      return;
    }
    if (!file) return;
    const { fileName, base64 } = file;
    setDialog({ kind: 'working', stage: '正在读取并检查文件…', fileName, percent: null, importKind: 'progress' });
    try {
      const preview = await withImportProgress(
        send,
        (jobId) => send('xlsx.importPreview', { kind: 'progress', fileName, base64, planId, jobId }),
        (s) => setDialog((d) => (d?.kind === 'working' ? { ...d, stage: s.phase, percent: s.percent } : d)),
      );
      setDialog({ kind: 'preview', preview });
    } catch (e) {
      setDialog({ kind: 'error', error: toApiError(e), fileName, importKind: 'progress' });
    }
  }, [planId]);

  const apply = useCallback(async () => {
    if (dialog?.kind !== 'preview') return;
    const { token, fileName } = dialog.preview;
    setDialog({ kind: 'working', stage: '正在备份数据库并写入…', fileName, percent: null, importKind: 'progress' });
    try {
      const r = await withImportProgress(
        send,
        (jobId) => send('xlsx.importApply', { token, jobId }),
        (s) => setDialog((d) => (d?.kind === 'working' ? { ...d, stage: s.phase, percent: s.percent } : d)),
      );
      setDialog(null);
      setNotice(`已导入 ${fileName}：${r.summary}${r.backupPath ? `导入前的数据已备份到 ${r.backupPath}` : ''}`);
      onImported();
    } catch (e) {
      setDialog({ kind: 'error', error: toApiError(e), fileName, importKind: 'progress' });
    }
  }, [dialog, onImported]);

  const close = useCallback(() => setDialog(null), []);
  const importBlocked = dirty ? '有未保存的修改：请先保存或放弃修改，再导入' : readOnly ? '数据库为只读，不能导入' : undefined;

  return (
    <div className="xlsx-toolbar report-workbook">
      <button type="button" className="btn" onClick={() => void exportReport()} disabled={working} title={`导出${chineseMonth(month)}的进度月报，填好后可导入`}>
        {exporting ? '正在导出…' : '导出进度月报'}
      </button>
      <button type="button" className="btn" onClick={() => void importReport()} disabled={working || importBlocked !== undefined} title={importBlocked ?? '导入填好的进度月报（先预览，再应用）'}>
        导入进度月报…
      </button>
      {notice && (
        <div className="banner banner-ok" role="status" data-testid="report-xlsx-notice">
          {notice}
          <button type="button" className="banner-close" onClick={() => setNotice(null)} aria-label="关闭">
            ×
          </button>
        </div>
      )}
      {error && <ErrorBanner error={error} onClose={() => setError(null)} />}
      {dialog && <ImportDialog state={dialog} onApply={() => void apply()} onClose={close} />}
    </div>
  );
}
