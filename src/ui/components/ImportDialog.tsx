// The import preview: what the file would add, change (field by field) and leave alone,
// with warnings; 应用 writes it, 取消 / Esc closes. Also shows the stage while working,
// and every problem when the file is refused.
import { useEffect, useRef, type ReactNode } from 'react';
import type { ApiError } from '../../domain/api/errors';
import { describeIssue } from '../../domain/api/errors';
import type { ImportPreview } from '../../domain/api/xlsx';

export type ImportDialogState =
  | { kind: 'working'; stage: string; fileName: string }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'error'; error: ApiError; fileName: string };

const LIST_CAP = 200;

function Capped<T>({ items, render }: { items: T[]; render: (item: T) => ReactNode }) {
  return (
    <>
      {items.slice(0, LIST_CAP).map(render)}
      {items.length > LIST_CAP && (
        <li className="dim">…另有 {items.length - LIST_CAP} 项</li>
      )}
    </>
  );
}

function PreviewBody({ preview }: { preview: ImportPreview }) {
  const { added, changed, unchanged, warnings } = preview;
  return (
    <>
      <p data-testid="import-target">
        工作表「{preview.sheet}」→{' '}
        {preview.planId === null ? `新建规划「${preview.planTitle}」` : `现有规划「${preview.planTitle}」`}
      </p>
      <p className="import-counts" data-testid="import-counts">
        新增 <strong>{added.length}</strong> 项 · 修改 <strong>{changed.length}</strong> 项 · 不变 <strong>{unchanged.length}</strong> 项
      </p>
      {warnings.length > 0 && (
        <div className="banner banner-warn" role="note">
          <strong>请核对：</strong>
          <ul>
            {warnings.map((w) => (
              <li key={describeIssue(w)}>{describeIssue(w)}</li>
            ))}
          </ul>
        </div>
      )}
      {added.length > 0 && (
        <section aria-label="新增项目">
          <h3>新增</h3>
          <ul className="import-list" data-testid="import-added">
            <Capped items={added} render={(a) => <li key={`${a.seq}-${a.name}`}>{a.seq}. {a.name}</li>} />
          </ul>
        </section>
      )}
      {changed.length > 0 && (
        <section aria-label="修改项目">
          <h3>修改</h3>
          <Capped
            items={changed}
            render={(c) => (
              <div key={`${c.seq}-${c.name}`} className="import-changed" data-testid="import-changed">
                <div className="import-changed-name">
                  {c.seq}. {c.name}
                </div>
                <table className="import-fields">
                  <thead>
                    <tr>
                      <th>字段</th>
                      <th>原值</th>
                      <th>新值</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.changes.map((f) => (
                      <tr key={f.field}>
                        <td>{f.label}</td>
                        <td className="old">{f.oldValue}</td>
                        <td className="new">{f.newValue}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          />
        </section>
      )}
      {unchanged.length > 0 && (
        <details>
          <summary>不变（{unchanged.length} 项）</summary>
          <ul className="import-list dim">
            <Capped items={unchanged} render={(u) => <li key={`${u.seq}-${u.name}`}>{u.seq}. {u.name}</li>} />
          </ul>
        </details>
      )}
    </>
  );
}

function ErrorDetails({ error }: { error: ApiError }) {
  const details = error.issues.map(describeIssue).filter((d) => d !== error.message);
  if (details.length === 0) return null;
  return (
    <ul>
      {details.map((d) => (
        <li key={d}>{d}</li>
      ))}
    </ul>
  );
}

export default function ImportDialog({
  state,
  onApply,
  onClose,
}: {
  state: ImportDialogState;
  onApply: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDivElement>(null);
  const working = state.kind === 'working';

  useEffect(() => {
    dialog.current?.focus();
  }, [state.kind]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // a running import is not cancelled by Esc: it either completes or changes nothing
      if (e.key === 'Escape' && !working) {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [working, onClose]);

  const fileName = state.kind === 'preview' ? state.preview.fileName : state.fileName;
  const writes = state.kind === 'preview' ? state.preview.added.length + state.preview.changed.length : 0;

  return (
    <div className="dialog-backdrop">
      <div className="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-dialog-title" tabIndex={-1} ref={dialog}>
        <header>
          <strong id="import-dialog-title">导入附件1：{fileName}</strong>
        </header>
        <div className="dialog-body">
          {state.kind === 'working' && (
            <div className="import-working" aria-live="polite">
              <progress aria-label={state.stage} />
              <p>{state.stage}</p>
            </div>
          )}
          {state.kind === 'error' && (
            <div className="banner banner-error" role="alert" data-testid="import-error">
              <strong>{state.error.message}</strong>
              <ErrorDetails error={state.error} />
              <p className="hint">数据库未作任何改动。</p>
            </div>
          )}
          {state.kind === 'preview' && <PreviewBody preview={state.preview} />}
        </div>
        <footer>
          {state.kind === 'preview' ? (
            <>
              <button type="button" className="btn" onClick={onClose}>
                取消
              </button>
              <button type="button" className="btn btn-primary" onClick={onApply} disabled={writes === 0}>
                {writes === 0 ? '没有需要写入的变化' : `应用（写入 ${writes} 项）`}
              </button>
            </>
          ) : (
            <button type="button" className="btn" onClick={onClose} disabled={working}>
              关闭
            </button>
          )}
        </footer>
      </div>
    </div>
  );
}
