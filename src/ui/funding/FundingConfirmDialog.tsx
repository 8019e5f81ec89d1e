// Asks before saving amounts that fail a check the user may override (到位超过计划, 支付超过到位).
import { useEffect, useRef } from 'react';
import type { FundingIssue } from '../../domain/funding/checks';

export default function FundingConfirmDialog({ errors, onConfirm, onCancel }: { errors: readonly FundingIssue[]; onConfirm(): void; onCancel(): void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="funding-confirm-title" aria-describedby="funding-confirm-body">
        <header>
          <strong id="funding-confirm-title">以下金额未通过检查，仍要保存吗？</strong>
        </header>
        <div className="dialog-body" id="funding-confirm-body">
          <ul>
            {errors.map((e) => (
              <li key={`${e.code}:${e.projectId}:${e.sourceId ?? ''}`}>{e.message}</li>
            ))}
          </ul>
          <p className="hint">到位资金一般不应超过计划安排，支付一般不应超过到位。确有其事（如追加资金尚未下达计划）时可以保存。</p>
        </div>
        <footer>
          <button type="button" className="btn" ref={cancelRef} onClick={onCancel}>
            返回修改
          </button>
          <button type="button" className="btn btn-primary" onClick={onConfirm}>
            仍然保存
          </button>
        </footer>
      </div>
    </div>
  );
}
