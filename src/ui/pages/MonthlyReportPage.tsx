// 月度填报 '#/report?plan=ID&project=ID&month=YYYY-MM': one screen where an officer reports a
// month for every site of a project, or for every project of the plan, in the generic
// keyboard-first grid (paste from Excel/WPS included). Only changed rows are sent; one save
// is one 'progress.record' call = one transaction = one batch, which 撤销 reverts as a whole.
// The logic is in ../progress/*.ts; this component loads, renders and sends.
import { useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../domain/api/errors';
import type { UndoableBatch } from '../../domain/api/history';
import type { MonthSheet, RecordResult } from '../../domain/api/progress';
import { chineseMonth } from '../../domain/calendar';
import { send } from '../api-client';
import ErrorBanner from '../components/ErrorBanner';
import { useLeaveWarning } from '../components/use-leave-warning';
import { toApiError, useApi } from '../components/use-api';
import EditableGrid, { type FocusRequest } from '../grid/EditableGrid';
import GridProblems from '../grid/GridProblems';
import GridSaveBar from '../grid/GridSaveBar';
import { NO_DRAFTS, type Drafts } from '../grid/drafts';
import type { CellPos } from '../grid/types';
import { STAGE_SHORTCUTS } from '../progress/report-columns';
import { buildReportGrid, type ReportScope } from '../progress/report-grid';
import { monthChoices, previousMonth, reportHash, type ReportTarget } from '../progress/report-month';
import {
  issuesToCells,
  prepareReport,
  reportFooter,
  rowSignature,
  withAutoCumulative,
  type ServerIssue,
} from '../progress/report-save';
import { undoButtonState } from '../project/undo-button';
import { navigate } from '../router';
import ProgressWorkbookTools from '../progress/ProgressWorkbookTools';
import '../progress/progress.css';

interface ProjectChoice {
  id: number;
  seq: number;
  name: string;
  siteCount: number;
}

function savedMessage(r: RecordResult, month: string): string {
  const parts = [`已保存 ${r.recorded} 条进度（报告期 ${chineseMonth(month)}）`];
  if (r.unchanged > 0) parts.push(`${r.unchanged} 条与本月已填报的相同，未重复保存`);
  return parts.join('；');
}

export default function MonthlyReportPage({ target }: { target: ReportTarget }) {
  const scope: ReportScope = target.projectId !== undefined ? { kind: 'project', projectId: target.projectId } : { kind: 'plan' };
  const meta = useApi('meta.get', {});
  const [today, setToday] = useState<string | null>(null);
  const month = target.month ?? (today ? previousMonth(today) : null);
  const [sheet, setSheet] = useState<MonthSheet | null>(null);
  const [reloads, setReloads] = useState(0);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [projects, setProjects] = useState<ProjectChoice[]>([]);
  const [drafts, setDrafts] = useState<Drafts>(NO_DRAFTS);
  const [refused, setRefused] = useState<ServerIssue[]>([]);
  const [undoable, setUndoable] = useState<UndoableBatch | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);

  // the default month is the one before the backend's today (never the browser clock)
  useEffect(() => {
    if (target.month) return;
    let live = true;
    send('gantt.get', target.planId ? { planId: target.planId } : {}).then(
      (g) => live && setToday(g.today),
      (e: unknown) => live && setLoadError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [target.month, target.planId]);

  useEffect(() => {
    if (!month) return;
    let live = true;
    const input = target.projectId !== undefined ? { month, projectId: target.projectId } : { month, ...(target.planId ? { planId: target.planId } : {}) };
    send('progress.month', input).then(
      (s) => {
        if (!live) return;
        setSheet(s);
        setToday(s.today);
      },
      (e: unknown) => live && setLoadError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [month, target.projectId, target.planId, reloads]);

  const planId = sheet?.plan.id;
  useEffect(() => {
    if (planId === undefined) return;
    let live = true;
    send('register.rows', { planId }).then(
      (r) => live && setProjects(r.projects.map((p) => ({ id: p.id, seq: p.seq, name: p.name, siteCount: p.siteCount }))),
      () => live && setProjects([]),
    );
    return () => {
      live = false;
    };
  }, [planId]);

  // what 撤销 offers is the backend's answer, asked again after every save and undo
  useEffect(() => {
    if (!sheet) return;
    let live = true;
    const where = target.projectId !== undefined ? { projectId: target.projectId } : { planId: sheet.plan.id };
    send('history.undoable', where).then(
      (u) => live && setUndoable(u),
      () => live && setUndoable(null),
    );
    return () => {
      live = false;
    };
  }, [sheet, target.projectId]);

  const dirty = drafts.size > 0;
  useLeaveWarning(dirty);

  const grid = useMemo(() => (sheet ? buildReportGrid(sheet, scope) : null), [sheet, scope.kind === 'project' ? scope.projectId : 0]);
  const prepared = useMemo(
    () => (grid && sheet && month ? prepareReport(grid, drafts, month, sheet.today, refused) : null),
    [grid, sheet, month, drafts, refused],
  );

  if (loadError) {
    return (
      <section className="page">
        <ErrorBanner error={loadError} />
        <a href="#/">返回项目台账</a>
      </section>
    );
  }
  if (!grid || !sheet || !month || !prepared) {
    return (
      <section className="page">
        <p className="empty">正在加载…</p>
      </section>
    );
  }

  const cols = grid.model.columns.length;
  const project = target.projectId !== undefined ? projects.find((p) => p.id === target.projectId) : undefined;
  const reported = grid.refs.filter((r) => r.current !== null).length;
  const unit = scope.kind === 'project' && grid.refs.some((r) => r.siteId !== null) ? '个建设点' : '个项目';
  const readOnly = meta.data?.readOnly === true;
  const undoState = undoButtonState(undoable, { busy, dirty });

  const go = (next: ReportTarget): void => {
    if (dirty && !window.confirm('有未保存的修改，离开将放弃这些修改。继续吗？')) return;
    navigate(reportHash(next));
  };

  const onDraftsChange = (next: Drafts): void => {
    const auto = withAutoCumulative(grid, drafts, next);
    setDrafts(auto.drafts);
    if (auto.filled.length > 0) setStatus('累计完成投资已按“上期累计 + 本月完成投资”自动填入，可直接改写');
  };

  async function save(given: Drafts): Promise<void> {
    if (!grid || !sheet || !month || busy || readOnly) return;
    const d = withAutoCumulative(grid, drafts, given).drafts;
    if (d !== drafts) setDrafts(d);
    const prep = prepareReport(grid, d, month, sheet.today, refused);
    if (prep.evaluation.problems.length > 0) {
      setStatus(`还有 ${prep.evaluation.problems.length} 个单元格有误，改正后才能保存`);
      return;
    }
    if (prep.entries.length === 0) {
      setStatus('没有修改');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await send('progress.record', { entries: prep.entries.map((e) => e.input) });
      setDrafts(NO_DRAFTS);
      setRefused([]);
      setStatus(savedMessage(r, month));
      setReloads((n) => n + 1);
    } catch (e) {
      const err = toApiError(e);
      const mapped = issuesToCells(err.issues, prep.entries);
      setRefused(mapped.cells.map((c) => ({ ...c, signature: rowSignature(d, c.row, cols) })));
      if (mapped.cells.length > 0) {
        const first = mapped.cells[0];
        setStatus(`未保存：${mapped.cells.length} 处不符合要求，已在表格中标出`);
        if (first) setFocus((f) => ({ pos: { row: first.row, col: first.col }, token: (f?.token ?? 0) + 1 }));
      }
      if (mapped.other.length > 0 || mapped.cells.length === 0) setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function undo(): Promise<void> {
    if (!undoable) return;
    if (undoable.confirm && !window.confirm(undoable.confirm)) return;
    setBusy(true);
    setError(null);
    try {
      const r = await send('history.undo', { batchId: undoable.batchId, ...(undoable.confirm ? { confirm: true } : {}) });
      setDrafts(NO_DRAFTS);
      setRefused([]);
      setStatus(`已${r.label}`);
      setReloads((n) => n + 1);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const goToCell = (pos: CellPos): void => setFocus((f) => ({ pos, token: (f?.token ?? 0) + 1 }));
  const changes = prepared.entries.length;
  const title = project ? `${project.seq}. ${project.name}` : sheet.plan.title;

  return (
    <section className="page report">
      <nav className="crumbs">
        <a href={`#/?plan=${sheet.plan.id}`}>项目台账</a>
        {project && (
          <>
            {' / '}
            <a href={`#/project/${project.id}`}>{project.seq}</a>
          </>
        )}
        {' / '}
        <span>月度填报</span>
      </nav>
      <header className="page-head">
        <div>
          <h1>月度填报 · {chineseMonth(month)}</h1>
          <p className="subtitle">
            {title} · 本月已填报 <strong data-testid="reported-count">{reported}</strong> / {grid.refs.length} {unit} · 填报人{' '}
            {meta.data?.user ?? '—'}
          </p>
        </div>
        <div className="report-pickers">
          <label>
            <span className="field-label">报告期</span>
            <select aria-label="报告期" value={month} onChange={(e) => go({ ...target, planId: sheet.plan.id, month: e.target.value })}>
              {monthChoices(sheet.today, month).map((m) => (
                <option key={m} value={m}>
                  {chineseMonth(m)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field-label">填报范围</span>
            <select
              aria-label="填报范围"
              value={target.projectId ?? ''}
              onChange={(e) => {
                const id = Number(e.target.value);
                go({ planId: sheet.plan.id, month, ...(id > 0 ? { projectId: id } : {}) });
              }}
            >
              <option value="">全部项目（每个项目一行）</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.seq}. {p.name}（{p.siteCount} 个建设点）
                </option>
              ))}
            </select>
          </label>
        </div>
        <ProgressWorkbookTools
          planId={sheet.plan.id}
          month={month}
          dirty={dirty}
          readOnly={readOnly}
          onImported={() => {
            setRefused([]);
            setReloads((n) => n + 1);
          }}
        />
      </header>

      {error && <ErrorBanner error={error} onClose={() => setError(null)} />}
      {readOnly && <p className="banner banner-error">数据库为只读，不能保存填报。</p>}

      <div className="report-bar">
        <GridSaveBar
          changeCount={changes}
          draftCount={drafts.size}
          problemCount={prepared.evaluation.problems.length}
          saving={busy}
          onSave={() => void save(drafts)}
          onDiscard={() => {
            setDrafts(NO_DRAFTS);
            setRefused([]);
            setStatus('已放弃修改');
          }}
          status={status}
        />
        <button
          type="button"
          className="btn"
          data-testid="report-undo"
          disabled={undoState.disabled}
          title={undoState.title}
          onClick={() => void undo()}
        >
          {undoState.label}
        </button>
      </div>

      <GridProblems problems={prepared.evaluation.problems} onGoTo={goToCell} />

      <EditableGrid
        label={`月度填报：${title}，${chineseMonth(month)}`}
        corner={unit === '个建设点' ? '点位' : '项目'}
        model={grid.model}
        drafts={drafts}
        evaluation={prepared.evaluation}
        onDraftsChange={onDraftsChange}
        onSave={(d) => void save(d)}
        footer={[reportFooter(grid, prepared.evaluation.current)]}
        focusRequest={focus}
        testId="report-grid"
      />
      <p className="hint report-legend">
        <span className="report-sample report-sample-carried">40</span> 灰色斜体：上期数值，本月尚未填报；改动一行即把该行作为本月填报保存（未改动的行不保存）。
        <span className="report-sample report-sample-dirty">45</span> 黄底：未保存的修改。
      </p>
      <p className="hint">
        方向键、Tab、Enter 移动；直接输入即改写单元格，F2 或双击编辑，Esc 取消；可从 Excel/WPS 复制一块单元格后 Ctrl+V 粘贴；Ctrl+S 保存。
        建设阶段可输入序号：{STAGE_SHORTCUTS}。金额单位为万元；只填本月完成投资时，累计按“上期累计 + 本月”自动计算。
      </p>
    </section>
  );
}
