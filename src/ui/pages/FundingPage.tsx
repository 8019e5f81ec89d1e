// '#/funding' 资金填报: finance staff's grid of planned / arrived / paid amounts per source,
// for one project (years down) or for all projects in one year. Typing and pasting from
// Excel/WPS fill drafts; the checks and totals follow live; 保存 (Ctrl+S) sends one batch
// (confirming the overridable errors), 撤销 reverts the newest save the backend offers.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../domain/api/errors';
import type { UndoableBatch } from '../../domain/api/history';
import type { FundingIssue } from '../../domain/funding/checks';
import { ARRIVAL_RATE_DEFINITION, PAYMENT_RATE_DEFINITION } from '../../domain/funding/rates';
import { formatWan } from '../../domain/money';
import { send } from '../api-client';
import ErrorBanner from '../components/ErrorBanner';
import { useReadOnly } from '../components/ReadOnlyBanner';
import { toApiError, useApi } from '../components/use-api';
import { rememberPlan } from '../current-plan';
import FundingConfirmDialog from '../funding/FundingConfirmDialog';
import FundingImport from '../funding/FundingImport';
import FundingIssues from '../funding/FundingIssues';
import { buildFundingGrid, fundingFooter, liveIssues, toCellEdits, type FundingScope } from '../funding/funding-grid';
import { fundingHash, type FundingRouteParams } from '../funding/funding-route';
import '../funding/funding.css';
import EditableGrid, { type FocusRequest } from '../grid/EditableGrid';
import GridProblems from '../grid/GridProblems';
import GridSaveBar from '../grid/GridSaveBar';
import { evaluateGrid, NO_DRAFTS, type Drafts } from '../grid/drafts';
import { shell } from '../shell';

export default function FundingPage(props: FundingRouteParams) {
  const input = {
    ...(props.planId !== undefined ? { planId: props.planId } : {}),
    ...(props.projectId !== undefined ? { projectId: props.projectId } : {}),
    ...(props.year !== undefined ? { year: props.year } : {}),
  };
  const { data: view, error: loadError, reload } = useApi('funding.get', input);
  const readOnly = useReadOnly();
  const [drafts, setDrafts] = useState<Drafts>(NO_DRAFTS);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirm, setConfirm] = useState<{ errors: FundingIssue[]; drafts: Drafts } | null>(null);
  const [undoable, setUndoable] = useState<UndoableBatch | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [extraYears, setExtraYears] = useState<number[]>([]);

  const scope: FundingScope | null = useMemo(() => {
    if (!view) return null;
    if (view.scope.projectId !== null) return { kind: 'project', projectId: view.scope.projectId };
    if (view.scope.year !== null) return { kind: 'year', year: view.scope.year };
    return null;
  }, [view]);

  // no project or year asked for: open the first project
  useEffect(() => {
    if (!view || scope) return;
    const first = view.projects[0];
    if (first) window.location.replace(fundingHash(view.plan.id, { kind: 'project', projectId: first.id }));
  }, [view, scope]);

  useEffect(() => {
    if (view) rememberPlan(view.plan.id);
    setDrafts(NO_DRAFTS);
  }, [view]);

  const grid = useMemo(() => (view && scope ? buildFundingGrid(view, scope, extraYears) : null), [view, scope, extraYears]);
  const evaluation = useMemo(() => (grid ? evaluateGrid(grid.model, drafts) : null), [grid, drafts]);
  const edits = useMemo(() => (grid && evaluation ? toCellEdits(grid, evaluation.changes) : []), [grid, evaluation]);
  const issues = useMemo(() => (view && scope ? liveIssues(view, scope, edits) : []), [view, scope, edits]);

  // what 撤销 would revert is the backend's answer, asked after every load
  useEffect(() => {
    if (!view || !scope) return;
    let live = true;
    const q = scope.kind === 'project' ? { projectId: scope.projectId } : { planId: view.plan.id };
    send('history.undoable', q).then(
      (u) => live && setUndoable(u),
      () => live && setUndoable(null),
    );
    return () => {
      live = false;
    };
  }, [view, scope]);

  const save = useCallback(
    async (current: Drafts, confirmed = false): Promise<void> => {
      if (!grid || readOnly) return;
      const ev = evaluateGrid(grid.model, current);
      if (ev.problems.length > 0) {
        setStatus(`还有 ${ev.problems.length} 个单元格有误，改正后才能保存。`);
        return;
      }
      const cells = toCellEdits(grid, ev.changes);
      if (cells.length === 0) return;
      setSaving(true);
      setError(null);
      try {
        const r = await send('funding.save', { cells, ...(confirmed ? { confirm: true } : {}) });
        if (r.status === 'needsConfirm') {
          setConfirm({ errors: r.errors, drafts: current });
          return;
        }
        setConfirm(null);
        setStatus(`已保存 ${r.changed} 个金额。`);
        reload();
      } catch (e) {
        setError(toApiError(e));
      } finally {
        setSaving(false);
      }
    },
    [grid, readOnly, reload],
  );

  // Ctrl+S anywhere on the page (the grid handles it itself when focused)
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save(drafts);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, drafts]);

  const undo = async (): Promise<void> => {
    if (!undoable) return;
    if (undoable.confirm && !window.confirm(undoable.confirm)) return;
    setSaving(true);
    try {
      const r = await send('history.undo', { batchId: undoable.batchId, ...(undoable.confirm ? { confirm: true } : {}) });
      setStatus(`已${r.label}。`);
      reload();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setSaving(false);
    }
  };

  const exportWorkbook = async (): Promise<void> => {
    if (!view) return;
    setError(null);
    try {
      const file = await send('xlsx.export', { kind: 'funding', planId: view.plan.id });
      if (await shell.saveFile(file.fileName, file.base64)) setStatus(`已导出 ${file.fileName}`);
    } catch (e) {
      setError(toApiError(e));
    }
  };

  if (loadError) {
    return (
      <section className="page">
        <ErrorBanner error={loadError} />
        <a href="#/">返回项目台账</a>
      </section>
    );
  }
  if (view && view.projects.length === 0) {
    return (
      <section className="page">
        <p className="empty">
          规划「{view.plan.title}」还没有项目。<a href="#/">返回项目台账</a>
        </p>
      </section>
    );
  }
  if (!view || !scope || !grid || !evaluation) return <section className="page"><p className="empty">正在加载…</p></section>;

  const dirty = drafts.size > 0;
  const project = scope.kind === 'project' ? view.projects.find((p) => p.id === scope.projectId) : undefined;
  const footer = fundingFooter(grid, evaluation.current);
  const cell = (key: string): string => footer.cells[grid.model.columns.findIndex((c) => c.key === key)] ?? '';
  const years = [...new Set([...view.years, ...extraYears])].sort((a, b) => a - b);
  const lockedTitle = dirty ? '有未保存的修改：请先保存或放弃修改' : undefined;
  const go = (next: FundingScope): void => {
    setExtraYears([]);
    window.location.hash = fundingHash(view.plan.id, next);
  };
  const label = project ? `资金填报：${project.seq}. ${project.name}` : `资金填报：${scope.kind === 'year' ? scope.year : ''}年各项目`;

  return (
    <section className="page funding">
      <header className="page-head">
        <div>
          <h1>资金填报</h1>
          <p className="subtitle">
            {view.plan.title}
            {project && ` · ${project.seq}. ${project.name} · 投资估算 ${formatWan(project.investmentYuan)} 万元 · ${project.startYear}—${project.endYear}年`}
            {scope.kind === 'year' && ` · ${scope.year}年 · 全部项目`}
          </p>
        </div>
        <div className="xlsx-toolbar">
          <FundingImport
            planId={view.plan.id}
            disabled={saving || readOnly || dirty}
            onImported={(summary) => {
              setStatus(summary);
              reload();
            }}
          />
          <button type="button" className="btn" onClick={() => void exportWorkbook()} disabled={saving}>
            导出资金构成
          </button>
        </div>
      </header>

      <div className="funding-scope">
        <fieldset disabled={dirty || saving} title={lockedTitle}>
          <legend className="funding-legend">查看方式</legend>
          <label>
            <input type="radio" name="funding-mode" checked={scope.kind === 'project'} onChange={() => go({ kind: 'project', projectId: view.projects[0]?.id ?? 0 })} /> 按项目
          </label>
          <label>
            <input type="radio" name="funding-mode" checked={scope.kind === 'year'} onChange={() => go({ kind: 'year', year: view.years[0] ?? view.plan.startYear })} /> 按年度
          </label>
          {scope.kind === 'project' ? (
            <label>
              项目{' '}
              <select value={scope.projectId} onChange={(e) => go({ kind: 'project', projectId: Number(e.target.value) })}>
                {view.projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.seq}. {p.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label>
              年度{' '}
              <select value={scope.year} onChange={(e) => go({ kind: 'year', year: Number(e.target.value) })}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}年
                  </option>
                ))}
              </select>
            </label>
          )}
        </fieldset>
        <p className="funding-summary" data-testid="funding-summary">
          <span>
            计划安排 <strong>{cell('total:planned')}</strong> 万元
          </span>
          <span>
            到位 <strong>{cell('total:arrived')}</strong> 万元
          </span>
          <span>
            支付 <strong>{cell('total:paid')}</strong> 万元
          </span>
          <span title={ARRIVAL_RATE_DEFINITION}>
            到位率 <strong>{cell('rate:arrival')}</strong>
          </span>
          <span title={PAYMENT_RATE_DEFINITION}>
            支付率 <strong>{cell('rate:payment')}</strong>
          </span>
        </p>
      </div>

      {error && <ErrorBanner error={error} onClose={() => setError(null)} />}
      <GridSaveBar
        changeCount={evaluation.changes.length}
        draftCount={drafts.size}
        problemCount={evaluation.problems.length}
        saving={saving || readOnly}
        onSave={() => void save(drafts)}
        onDiscard={() => {
          setDrafts(NO_DRAFTS);
          setStatus('已放弃未保存的修改。');
        }}
        undo={undoable && !dirty && !readOnly && !undoable.blocked ? { label: undoable.label, onUndo: () => void undo() } : null}
        status={status}
      />
      <GridProblems problems={evaluation.problems} onGoTo={(pos) => setFocusRequest({ pos, token: Date.now() })} />
      <FundingIssues issues={issues} />
      <EditableGrid
        label={label}
        corner={scope.kind === 'project' ? '年度' : '项目'}
        model={grid.model}
        drafts={drafts}
        evaluation={evaluation}
        onDraftsChange={(next) => {
          setDrafts(next);
          setStatus(null);
        }}
        onSave={(d) => void save(d)}
        footer={[footer]}
        focusRequest={focusRequest}
        testId="funding-grid"
      />
      {scope.kind === 'project' && (
        <button
          type="button"
          className="btn-link funding-add-year"
          onClick={() => setExtraYears([...extraYears, (years.at(-1) ?? view.plan.endYear) + 1])}
        >
          ＋ 增加 {(years.at(-1) ?? view.plan.endYear) + 1} 年
        </button>
      )}
      <p className="hint">
        金额单位：万元（最多 4 位小数，即精确到元）。方向键、Tab、Enter 移动；直接输入或按 F2 编辑，Esc 取消；可从 Excel/WPS 复制一块单元格后按 Ctrl+V 粘贴；Delete 清空；Ctrl+S 保存。{ARRIVAL_RATE_DEFINITION}；{PAYMENT_RATE_DEFINITION}。
      </p>
      {confirm && (
        <FundingConfirmDialog
          errors={confirm.errors}
          onCancel={() => setConfirm(null)}
          onConfirm={() => void save(confirm.drafts, true)}
        />
      )}
    </section>
  );
}
