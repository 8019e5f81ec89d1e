// 保存 / 放弃修改 / 撤销 for a grid. Save is disabled while a cell is invalid or nothing changed;
// 撤销 is whatever the backend says can be undone (history.undoable), passed in by the page.
export interface UndoOffer {
  /** the backend's words for it, shown on the button: "撤销：修改资金记录（21 项）" */
  label: string;
  onUndo(): void;
}

export interface GridSaveBarProps {
  changeCount: number;
  /** cells with unsaved text (changes, problems, or text equal in value to the stored one) */
  draftCount: number;
  problemCount: number;
  saving: boolean;
  onSave(): void;
  onDiscard(): void;
  undo?: UndoOffer | null;
  status?: string | null;
}

export default function GridSaveBar(p: GridSaveBarProps) {
  const blocked = p.problemCount > 0;
  const title = blocked ? `还有 ${p.problemCount} 个单元格有误，改正后才能保存` : p.changeCount === 0 ? '没有修改' : '保存（Ctrl+S）';
  return (
    <div className="egrid-bar">
      <button
        type="button"
        className="btn btn-primary"
        disabled={p.saving || blocked || p.changeCount === 0}
        title={title}
        aria-keyshortcuts="Control+S"
        onClick={p.onSave}
      >
        {p.saving ? '正在保存…' : p.changeCount > 0 ? `保存（${p.changeCount} 处修改）` : '保存'}
      </button>
      <button type="button" className="btn" disabled={p.saving || p.draftCount === 0} onClick={p.onDiscard}>
        放弃修改
      </button>
      {p.undo && (
        <button type="button" className="btn" disabled={p.saving} onClick={p.undo.onUndo}>
          {p.undo.label}
        </button>
      )}
      <span className="egrid-status" role="status">
        {p.status ?? ''}
      </span>
    </div>
  );
}
