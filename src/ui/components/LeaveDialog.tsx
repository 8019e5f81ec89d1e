// The 保存 / 不保存 / 取消 question asked when leaving a page with unsaved edits.
import { useEffect, useRef } from 'react';
import type { LeaveGuard } from './use-leave-warning';

export default function LeaveDialog({ guard, busy }: { guard: LeaveGuard; busy: boolean }) {
  const saveRef = useRef<HTMLButtonElement>(null);
  const open = guard.pending !== null;
  useEffect(() => {
    if (open) saveRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && guard.stay()}>
      <div className="dialog leave-dialog" role="alertdialog" aria-modal="true" aria-labelledby="leave-title" aria-describedby="leave-text">
        <header>
          <strong id="leave-title">有未保存的修改</strong>
        </header>
        <div className="dialog-body" id="leave-text">
          离开本页前，是否保存对本项目的修改？
        </div>
        <footer>
          <button type="button" className="btn btn-primary" ref={saveRef} disabled={busy} onClick={() => void guard.saveAndGo()}>
            保存
          </button>
          <button type="button" className="btn" disabled={busy} onClick={guard.discard}>
            不保存
          </button>
          <button type="button" className="btn" disabled={busy} onClick={guard.stay}>
            取消
          </button>
        </footer>
      </div>
    </div>
  );
}
