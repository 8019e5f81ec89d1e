// 导入附件1… / 导出附件1 / 导出清单 for the register, plus drag-and-drop import anywhere
// on the window and the desktop menu's import/export commands.
import { useCallback, useState } from 'react';
import { ApiError } from '../../domain/api/errors';
import type { ExportKind } from '../../domain/api/xlsx';
import { send } from '../api-client';
import { withImportProgress } from '../import-progress';
import { useMenuCommands } from '../menu-mailbox';
import { shell } from '../shell';
import ErrorBanner from './ErrorBanner';
import ImportDialog, { type ImportDialogState } from './ImportDialog';
import { toApiError } from './use-api';
import { useFileDrop, type DroppedFile } from './use-file-drop';
import './xlsx.css';

// .xls and .csv are always refused by the import, so the chooser does not offer them
export const ACCEPT = '.xlsx,.xlsm';

export default function XlsxToolbar({ onImported, planId }: { onImported?: (planId: number) => void; planId?: number }) {
  const [dialog, setDialog] = useState<ImportDialogState | null>(null);
  const [exporting, setExporting] = useState<ExportKind | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** the long part of the last import's notice (backup path, warnings), behind 详情 */
  const [noticeDetail, setNoticeDetail] = useState<string | null>(null);
  const [showDetail, setShowDetail] = useState(false);
  /** the import just applied, while it can still be taken back whole */
  const [lastImport, setLastImport] = useState<{ batchId: string; planId: number | null } | null>(null);
  const [undoing, setUndoing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const busy = dialog?.kind === 'working' || exporting !== null;

  const preview = useCallback(async (file: DroppedFile) => {
    setNotice(null);
    setNoticeDetail(null);
    setLastImport(null);
    setError(null);
    setDialog({ kind: 'working', stage: '正在读取并检查文件…', fileName: file.fileName, percent: null });
    try {
      const p = await withImportProgress(
        send,
        (jobId) => send('xlsx.importPreview', { fileName: file.fileName, base64: file.base64, jobId }),
        (s) => setDialog((d) => (d?.kind === 'working' ? { ...d, stage: s.phase, percent: s.percent } : d)),
      );
      setDialog({ kind: 'preview', preview: p });
    } catch (e) {
      setDialog({ kind: 'error', error: toApiError(e), fileName: file.fileName });
    }
  }, []);

  const pickAndPreview = useCallback(async () => {
    try {
      const file = await shell.openFile(ACCEPT);
      if (file) await preview(file);
    } catch (e) {
      setError(toApiError(e));
    }
  }, [preview]);

  const apply = useCallback(async () => {
    if (dialog?.kind !== 'preview') return;
    const { token, fileName } = dialog.preview;
    setDialog({ kind: 'working', stage: '正在备份数据库并写入…', fileName, percent: null });
    try {
      const r = await withImportProgress(
        send,
        (jobId) => send('xlsx.importApply', { token, jobId }),
        (s) => setDialog((d) => (d?.kind === 'working' ? { ...d, stage: s.phase, percent: s.percent } : d)),
      );
      setDialog(null);
      // one short line, so the register (and its 合计 row) stays in view; the path is behind 详情
      setNotice(`已导入 ${fileName}：${r.summary}` + (r.warnings.length > 0 ? `（${r.warnings.length} 条提示）` : ''));
      const detail = [r.backupPath ? `导入前的数据已备份到 ${r.backupPath}` : '', ...r.warnings].filter(Boolean).join('\n');
      setNoticeDetail(detail === '' ? null : detail);
      setShowDetail(false);
      setLastImport(r.batchId ? { batchId: r.batchId, planId: r.planId } : null);
      if (r.planId !== null) onImported?.(r.planId);
    } catch (e) {
      setDialog({ kind: 'error', error: toApiError(e), fileName });
    }
  }, [dialog, onImported]);

  // 撤销本次导入: the backend decides whether the import is still the newest save and what to ask first
  const undoImport = useCallback(async () => {
    if (!lastImport) return;
    setUndoing(true);
    setError(null);
    try {
      const u = await send('history.undoable', lastImport.planId === null ? {} : { planId: lastImport.planId });
      if (!u || u.batchId !== lastImport.batchId) {
        setError(new ApiError('conflict', '本次导入之后已有其他修改，不能整批撤销；请在项目页逐项撤销。'));
        return;
      }
      if (u.blocked) {
        setError(new ApiError('conflict', u.blocked));
        return;
      }
      if (u.confirm && !window.confirm(u.confirm)) return;
      const r = await send('history.undo', { batchId: u.batchId, ...(u.confirm ? { confirm: true } : {}) });
      setLastImport(null);
      setNoticeDetail(null);
      setNotice(`已${r.label}。`);
      if (lastImport.planId !== null) onImported?.(lastImport.planId);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setUndoing(false);
    }
  }, [lastImport, onImported]);

  const exportKind = useCallback(
    async (kind: ExportKind) => {
      setNotice(null);
      setNoticeDetail(null);
      setError(null);
      setExporting(kind);
      try {
        const file = await send('xlsx.export', planId === undefined ? { kind } : { kind, planId });
        if (await shell.saveFile(file.fileName, file.base64)) setNotice(`已导出 ${file.fileName}`);
      } catch (e) {
        setError(toApiError(e));
      } finally {
        setExporting(null);
      }
    },
    [planId],
  );

  const { dragging } = useFileDrop((f) => void preview(f), setError, !busy && dialog === null);

  useMenuCommands((cmd) => {
    if (busy) return false;
    if (cmd === 'import-annex') void pickAndPreview();
    else if (cmd === 'export-annex') void exportKind('annex');
    else if (cmd === 'export-summary') void exportKind('summary');
    else return false;
    return true;
  });

  const close = useCallback(() => setDialog(null), []);

  return (
    <div className="xlsx-toolbar">
      <button
        type="button"
        className="btn"
        onClick={() => void pickAndPreview()}
        disabled={busy}
        title="也可以把 .xlsx 文件拖到窗口中"
        aria-describedby="xlsx-import-hint"
      >
        导入附件1…
      </button>
      <button type="button" className="btn" onClick={() => void exportKind('annex')} disabled={busy}>
        {exporting === 'annex' ? '正在导出…' : '导出附件1'}
      </button>
      <button type="button" className="btn" onClick={() => void exportKind('summary')} disabled={busy}>
        {exporting === 'summary' ? '正在导出…' : '导出清单'}
      </button>
      <span className="hint xlsx-import-hint" id="xlsx-import-hint">
        仅支持 .xlsx；.xls 请先在 Excel/WPS 中另存为 .xlsx
      </span>
      {notice && (
        <div className="banner banner-ok xlsx-notice" role="status" data-testid="xlsx-notice">
          <span className="xlsx-notice-text" {...(noticeDetail ? { title: noticeDetail } : {})}>
            {notice}
          </span>
          {noticeDetail && (
            <button type="button" className="btn btn-link" aria-expanded={showDetail} onClick={() => setShowDetail((v) => !v)}>
              详情
            </button>
          )}
          {showDetail && noticeDetail && (
            <p className="xlsx-notice-detail" data-testid="xlsx-notice-detail">
              {noticeDetail}
            </p>
          )}
          {lastImport && (
            <button type="button" className="btn" onClick={() => void undoImport()} disabled={undoing}>
              撤销本次导入
            </button>
          )}
          <button
            type="button"
            className="banner-close"
            onClick={() => {
              setNotice(null);
              setNoticeDetail(null);
              setLastImport(null);
            }}
            aria-label="关闭"
          >
            ×
          </button>
        </div>
      )}
      {error && <ErrorBanner error={error} onClose={() => setError(null)} />}
      {dragging && <div className="drop-overlay">松开鼠标，导入附件1工作簿</div>}
      {dialog && <ImportDialog state={dialog} onApply={() => void apply()} onClose={close} />}
    </div>
  );
}
