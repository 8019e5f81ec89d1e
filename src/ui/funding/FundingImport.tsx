// 导入资金构成…: pick the workbook finance filled in, preview every changed amount through the
// shared import pipeline (kind 'funding'), apply with a backup in one transaction.
import { useState } from 'react';
import { send } from '../api-client';
import ImportDialog, { type ImportDialogState } from '../components/ImportDialog';
import { toApiError } from '../components/use-api';
import { withImportProgress } from '../import-progress';
import { shell } from '../shell';

const ACCEPT = '.xlsx,.xlsm';

export default function FundingImport({ planId, disabled, onImported }: { planId: number; disabled: boolean; onImported(summary: string): void }) {
  const [dialog, setDialog] = useState<ImportDialogState | null>(null);
  const working = (stage: string, fileName: string): ImportDialogState => ({ kind: 'working', stage, fileName, percent: null, importKind: 'funding' });
  const track = (s: { phase: string; percent: number }): void =>
    setDialog((d) => (d?.kind === 'working' ? { ...d, stage: s.phase, percent: s.percent } : d));

  const pick = async (): Promise<void> => {
    let file: { fileName: string; base64: string } | null = null;
    try {
      file = await shell.openFile(ACCEPT);
      if (!file) return;
      const { fileName, base64 } = file;
      setDialog(working('正在读取并检查文件…', fileName));
      const preview = await withImportProgress(send, (jobId) => send('xlsx.importPreview', { kind: 'funding', fileName, base64, planId, jobId }), track);
      setDialog({ kind: 'preview', preview });
    } catch (e) {
      setDialog({ kind: 'error', error: toApiError(e), fileName: file?.fileName ?? '', importKind: 'funding' });
    }
  };

  const apply = async (): Promise<void> => {
    if (dialog?.kind !== 'preview') return;
    const { token, fileName } = dialog.preview;
    setDialog(working('正在备份数据库并写入…', fileName));
    try {
      const r = await withImportProgress(send, (jobId) => send('xlsx.importApply', { token, jobId }), track);
      setDialog(null);
      onImported(`已导入 ${fileName}：${r.summary}${r.backupPath ? `导入前的数据已备份到 ${r.backupPath}` : ''}`);
    } catch (e) {
      setDialog({ kind: 'error', error: toApiError(e), fileName, importKind: 'funding' });
    }
  };

  return (
    <>
      <button type="button" className="btn" disabled={disabled || dialog !== null} onClick={() => void pick()} title="导入财务填好的资金构成表（先预览，确认后写入）">
        导入资金构成…
      </button>
      {dialog && <ImportDialog state={dialog} onApply={() => void apply()} onClose={() => setDialog(null)} />}
    </>
  );
}
