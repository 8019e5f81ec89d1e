// The import preview: what the file would add, change (field by field) and leave alone,
// with warnings; 应用 writes it, 取消 / Esc closes, Tab stays inside (modal). Also shows the step and a real percentage
// while working (from xlsx.importProgress), and every problem when the file is refused.
// Annex previews have their own layout; 资金构成 and 进度月报 previews are section lists.
import { useEffect, useRef, type ReactNode } from 'react';
import type { ApiError } from '../../domain/api/errors';
import { describeIssue } from '../../domain/api/errors';
import type { AnnexImportPreview, FieldChange, ImportPreview, SectionedImportPreview, SiteChangeRef } from '../../domain/api/xlsx';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../domain/api/xlsx-kinds';

export type ImportDialogState =
  | {
      kind: 'working';
      stage: string;
      fileName: string;
      /** 0–100 when the backend reports progress; null/absent = not known yet */
      percent?: number | null;
      importKind?: ImportKind;
    }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'error'; error: ApiError; fileName: string; importKind?: ImportKind };

const LIST_CAP = 200;

function Capped<T>({ items, render }: { items: T[]; render: (item: T) => ReactNode }) {
  return (
    <>
      {items.slice(0, LIST_CAP).map(render)}
      {items.length > LIST_CAP && <li className="dim">…另有 {items.length - LIST_CAP} 项</li>}
    </>
  );
}

function Warnings({ preview }: { preview: ImportPreview }) {
  if (preview.warnings.length === 0) return null;
  return (
    <div className="banner banner-warn" role="note">
      <strong>请核对：</strong>
      <ul>
        {preview.warnings.map((w) => (
          <li key={describeIssue(w)}>{describeIssue(w)}</li>
        ))}
      </ul>
    </div>
  );
}

function FieldTable({ changes }: { changes: FieldChange[] }) {
  return (
    <table className="import-fields">
      <thead>
        <tr>
          <th>字段</th>
          <th>原值</th>
          <th>新值</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((f) => (
          <tr key={f.field}>
            <td>{f.label}</td>
            <td className="old">{f.oldValue}</td>
            <td className="new">{f.newValue}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SiteList({ label, testId, items }: { label: string; testId: string; items: SiteChangeRef[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-label={label}>
      <h3>{label}</h3>
      <ul className="import-list" data-testid={testId}>
        <Capped
          items={items}
          render={(s) => (
            <li key={`${s.projectSeq}-${s.site}`}>
              {s.projectSeq}. {s.projectName}：{s.site}
            </li>
          )}
        />
      </ul>
    </section>
  );
}

function AnnexBody({ preview }: { preview: AnnexImportPreview }) {
  const { added, changed, unchanged, sites } = preview;
  return (
    <>
      <p data-testid="import-target">
        工作表「{preview.sheet}」→{' '}
        {preview.planId === null ? `新建规划「${preview.planTitle}」` : `现有规划「${preview.planTitle}」`}
      </p>
      <p className="import-counts" data-testid="import-counts">
        新增 <strong>{added.length}</strong> 项 · 修改 <strong>{changed.length}</strong> 项 · 不变 <strong>{unchanged.length}</strong> 项
      </p>
      <Warnings preview={preview} />
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
                <FieldTable changes={c.changes} />
              </div>
            )}
          />
        </section>
      )}
      <SiteList label="新增建设点" testId="import-sites-added" items={sites.added} />
      <SiteList label="将归档的建设点" testId="import-sites-archived" items={sites.archived} />
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

function SectionedBody({ preview }: { preview: SectionedImportPreview }) {
  return (
    <>
      <p data-testid="import-target">
        工作表「{preview.sheet}」→ {preview.target}
      </p>
      <p className="import-counts" data-testid="import-counts">
        {preview.sections.map((s, i) => (
          <span key={s.key}>
            {i > 0 && ' · '}
            {s.label} <strong>{s.items.length}</strong> 项
          </span>
        ))}
      </p>
      <Warnings preview={preview} />
      {preview.sections.map((s) =>
        s.key === 'unchanged' ? (
          s.items.length > 0 && (
            <details key={s.key}>
              <summary>
                {s.label}（{s.items.length} 项）
              </summary>
              <ul className="import-list dim">
                <Capped items={s.items} render={(item) => <li key={item.key}>{item.title}</li>} />
              </ul>
            </details>
          )
        ) : (
          s.items.length > 0 && (
            <section key={s.key} aria-label={s.label} data-testid={`import-section-${s.key}`}>
              <h3>{s.label}</h3>
              <Capped
                items={s.items}
                render={(item) => (
                  <div key={item.key} className="import-changed">
                    <div className="import-changed-name">{item.title}</div>
                    {item.changes.length > 0 && <FieldTable changes={item.changes} />}
                  </div>
                )}
              />
            </section>
          )
        ),
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

function Working({ stage, percent }: { stage: string; percent: number | null }) {
  return (
    <div className="import-working" aria-live="polite">
      {percent === null ? (
        <progress aria-label={stage} />
      ) : (
        <progress aria-label={stage} max={100} value={percent} data-testid="import-progress" />
      )}
      <p>
        {stage}
        {percent !== null && <span className="import-percent">　{Math.round(percent)}%</span>}
      </p>
    </div>
  );
}

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])';

/** what Tab can reach inside the dialog, in order */
function focusableIn(root: HTMLElement): HTMLElement[] {
  // sorted: not every DOM (jsdom) returns a selector list's matches in document order
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE))
    .filter((el) => !el.closest('[hidden]'))
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** An .xls or .csv is always refused; say in words what to do, whatever the backend's wording. */
export function saveAsXlsxHint(fileName: string): string | null {
  return /\.(xls|csv)$/i.test(fileName.trim()) ? '请先在 Excel 或 WPS 中打开该文件，“另存为” Excel 工作簿（.xlsx），再导入 .xlsx 文件。' : null;
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
      // the dialog is modal: Tab and Shift+Tab cycle inside it, never to the page behind
      if (e.key === 'Tab' && dialog.current) {
        const items = focusableIn(dialog.current);
        const first = items[0];
        const last = items[items.length - 1];
        const active = document.activeElement;
        const inside = active instanceof Node && dialog.current.contains(active);
        if (!first || !last) {
          e.preventDefault();
          dialog.current.focus();
        } else if (e.shiftKey && (!inside || active === first || active === dialog.current)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && (!inside || active === last)) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [working, onClose]);

  const fileName = state.kind === 'preview' ? state.preview.fileName : state.fileName;
  const importKind = (state.kind === 'preview' ? state.preview.kind : state.importKind) ?? 'annex';
  const writes = state.kind === 'preview' ? state.preview.writes : 0;

  return (
    <div className="dialog-backdrop">
      <div className="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-dialog-title" tabIndex={-1} ref={dialog}>
        <header>
          <strong id="import-dialog-title">
            导入{IMPORT_KIND_LABELS[importKind]}：{fileName}
          </strong>
        </header>
        <div className="dialog-body">
          {state.kind === 'working' && <Working stage={state.stage} percent={state.percent ?? null} />}
          {state.kind === 'error' && (
            <div className="banner banner-error" role="alert" data-testid="import-error">
              <strong>{state.error.message}</strong>
              <ErrorDetails error={state.error} />
              {saveAsXlsxHint(state.fileName) && <p data-testid="import-save-as-xlsx">{saveAsXlsxHint(state.fileName)}</p>}
              <p className="hint">数据库未作任何改动。</p>
            </div>
          )}
          {state.kind === 'preview' &&
            (state.preview.kind === 'annex' ? <AnnexBody preview={state.preview} /> : <SectionedBody preview={state.preview} />)}
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
