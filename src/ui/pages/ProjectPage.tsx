// 项目详情: every field editable, the sites editable, saved through the Api, with the change
// history and one undo button. What can be undone is the backend's rule (history.undoable):
// the page shows the label it gets and keeps no rule of its own.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, describeIssue, type Issue } from '../../domain/api/errors';
import type { UndoableBatch } from '../../domain/api/history';
import type { ProjectDetail } from '../../domain/api/register';
import { PROJECT_FIELD_LABELS, fieldLabel } from '../../domain/field-labels';
import { NATURES, REMARKS, type ScaleMetrics } from '../../domain/model';
import { formatWan } from '../../domain/money';
import { windowLabelExact } from '../../domain/schedule';
import { send } from '../api-client';
import DateInput from '../components/DateInput';
import ErrorBanner from '../components/ErrorBanner';
import LabelledField from '../components/LabelledField';
import LeaveDialog from '../components/LeaveDialog';
import { useLeaveGuard } from '../components/use-leave-warning';
import { toApiError, useApi } from '../components/use-api';
import { fundingHash } from '../funding/funding-route';
import { describeChange, isShownChange } from '../project/change-rows';
import { fieldMaxLength, firstInvalidField, formFromProject, formToPatch, isDirty, type FormField, type ProjectForm } from '../project/project-form';
import { NEW_CATEGORY_OPTION, categoryOptions, resolveNewCategory } from '../project/category-choice';
import AutoTextarea from '../project/AutoTextarea';
import ProjectNav from '../project/ProjectNav';
import '../project/project.css';
import { historySiteNames, undoButtonState } from '../project/undo-button';
import SitesEditor from '../project/SitesEditor';
import ProgressTimeline from '../project/ProgressTimeline';
import MilestonesEditor from '../project/MilestonesEditor';

const DOOR_LABELS = { ui: '界面', import: '导入', cli: '命令行' } as const;

const METRIC_LABELS: Record<keyof ScaleMetrics, string> = {
  landAreaM2: '占地面积（m²）',
  landAreaMu: '占地面积（亩）',
  floorAreaM2: '建筑面积（m²）',
  beds: '床位（张）',
  gravePlots: '墓位（个）',
  halls: '吊唁厅（个）',
};

function Field(props: { field: FormField; issues: Issue[]; wide?: boolean; hint?: string; children: ReactNode }) {
  return <LabelledField {...props} label={PROJECT_FIELD_LABELS[props.field]} />;
}

function Metrics({ metrics }: { metrics: ScaleMetrics }) {
  const keys = Object.keys(METRIC_LABELS) as (keyof ScaleMetrics)[];
  const shown = keys.filter((k) => metrics[k]);
  if (shown.length === 0) return <span className="dim">规模文字中未识别到指标</span>;
  return (
    <ul className="metrics">
      {shown.map((k) => {
        const q = metrics[k];
        if (!q) return null;
        const value = q.min === q.max ? q.min.toLocaleString() : `${q.min.toLocaleString()}–${q.max.toLocaleString()}`;
        return (
          <li key={k}>
            <span className="dim">{METRIC_LABELS[k]}</span> {q.approx ? '约' : ''}
            {value}
            {q.each ? '（每处）' : ''}
          </li>
        );
      })}
    </ul>
  );
}

interface EditorProps {
  detail: ProjectDetail;
  onSaved: (d: ProjectDetail) => void;
  /** page-wide message line and error banner, shared with the sites editor and undo */
  status: string;
  setStatus: (s: string) => void;
  error: ApiError | null;
  setError: (e: ApiError | null) => void;
  undo: UndoableBatch | null;
  undoBusy: boolean;
  onUndo: () => void;
  /** the plan's categories (the register's list) and the app's, offered in the 类别 choice */
  planCategories: readonly string[];
  appCategories: readonly string[];
}

function Editor({ detail, onSaved, status, setStatus, error, setError, undo, undoBusy, onUndo, planCategories, appCategories }: EditorProps) {
  const saved = formFromProject(detail.project);
  const [form, setForm] = useState<ProjectForm>(saved);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const [toast, setToast] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = isDirty(form, saved);
  const undoState = undoButtonState(undo, { busy: busy || undoBusy, dirty });
  const categories = categoryOptions(planCategories, appCategories, form.category);

  // reset only when the project's values change (a site save must not drop unsaved form edits)
  const projectKey = JSON.stringify(detail.project);
  useEffect(() => setForm(formFromProject(detail.project)), [projectKey]);

  // the "已保存" toast shows for a moment after each successful save
  useEffect(() => {
    if (toast === 0) return;
    const t = window.setTimeout(() => setToast(0), 2500);
    return () => window.clearTimeout(t);
  }, [toast]);

  /** scrolls to the first field an issue names and puts the cursor there, so Ctrl+S never fails out of sight */
  function showFirstInvalid(list: readonly Issue[]) {
    const field = firstInvalidField(list);
    if (!field) return;
    // after React has marked the field invalid
    window.setTimeout(() => {
      const el = formRef.current?.querySelector<HTMLElement>(`[name="${field}"]`);
      if (!el) return;
      el.scrollIntoView?.({ block: 'center' });
      el.focus({ preventScroll: true });
    }, 0);
  }

  /** true when the project was saved (the leave dialog goes on only then) */
  async function save(): Promise<boolean> {
    const { patch, issues: local } = formToPatch(form);
    setIssues(local);
    setError(null);
    if (local.length > 0) {
      setStatus('');
      showFirstInvalid(local);
      return false;
    }
    setBusy(true);
    try {
      const next = await send('project.update', { id: detail.project.id, patch });
      onSaved(next);
      setStatus(`已保存（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）`);
      setToast((t) => t + 1);
      return true;
    } catch (e) {
      const err = toApiError(e);
      const named = err.issues.filter((i) => i.field);
      setIssues(named);
      setError(err);
      setStatus('');
      showFirstInvalid(named);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const guard = useLeaveGuard(dirty, save);

  function chooseCategory(value: string) {
    if (value !== NEW_CATEGORY_OPTION) {
      setForm({ ...form, category: value });
      return;
    }
    const known = categoryOptions(planCategories, appCategories, detail.project.category);
    const r = resolveNewCategory(window.prompt('新增类别的名称：', ''), known);
    if (r.kind === 'cancelled') return;
    if (r.kind === 'invalid') {
      setIssues([{ field: 'category', message: r.message }]);
      return;
    }
    if (r.kind === 'new' && !window.confirm(r.confirm)) return;
    setIssues(issues.filter((i) => i.field !== 'category'));
    setForm({ ...form, category: r.name });
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 's' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const set = (field: FormField) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const input = (field: FormField, extra: Record<string, string> = {}) => (
    <input
      name={field}
      aria-label={PROJECT_FIELD_LABELS[field]}
      value={form[field]}
      onChange={set(field)}
      maxLength={fieldMaxLength(field)}
      aria-invalid={issues.some((i) => i.field === field)}
      {...extra}
    />
  );
  const area = (field: FormField, rows = 3) => (
    <AutoTextarea
      name={field}
      aria-label={PROJECT_FIELD_LABELS[field]}
      rows={rows}
      value={form[field]}
      onChange={set(field)}
      maxLength={fieldMaxLength(field)}
      aria-invalid={issues.some((i) => i.field === field)}
    />
  );

  const dateInput = (field: 'startDate' | 'endDate') => (
    <DateInput
      name={field}
      label={PROJECT_FIELD_LABELS[field]}
      value={form[field]}
      onChange={(value) => setForm({ ...form, [field]: value })}
      invalid={issues.some((i) => i.field === field)}
    />
  );

  return (
    <form
      ref={formRef}
      className="project-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {error && issues.length === 0 && <ErrorBanner error={error} onClose={() => setError(null)} />}
      {issues.length > 0 && (
        <div className="banner banner-error" role="alert">
          未保存：{issues.map((i) => describeIssue(i.field ? { ...i, field: fieldLabel(i.field) } : i)).join('；')}
        </div>
      )}
      <div className="form-grid">
        <Field field="seq" issues={issues}>{input('seq', { inputMode: 'numeric' })}</Field>
        <Field field="name" issues={issues} wide>{input('name')}</Field>
        <Field field="category" issues={issues}>
          <select
            name="category"
            aria-label={PROJECT_FIELD_LABELS.category}
            value={form.category}
            onChange={(e) => chooseCategory(e.target.value)}
            aria-invalid={issues.some((i) => i.field === 'category')}
          >
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
            <option value={NEW_CATEGORY_OPTION}>新增类别…</option>
          </select>
        </Field>
        <Field field="nature" issues={issues}>
          <select name="nature" aria-label={PROJECT_FIELD_LABELS.nature} value={form.nature} onChange={set('nature')}>
            {NATURES.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </Field>
        <Field field="investmentYuan" issues={issues} hint={form.investmentYuan ? `${form.investmentYuan} 万元` : ''}>
          {input('investmentYuan', { inputMode: 'decimal' })}
        </Field>
        <Field field="remark" issues={issues}>
          {input('remark', { list: 'remark-list' })}
          <datalist id="remark-list">
            {REMARKS.filter(Boolean).map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </Field>
        <Field field="startYear" issues={issues}>{input('startYear', { inputMode: 'numeric' })}</Field>
        <Field field="endYear" issues={issues}>{input('endYear', { inputMode: 'numeric' })}</Field>
        <Field field="startDate" issues={issues} hint="年限内细化，可留空">{dateInput('startDate')}</Field>
        <Field field="endDate" issues={issues} hint="年限内细化，可留空">{dateInput('endDate')}</Field>
        <Field field="owner" issues={issues}>{input('owner')}</Field>
        <Field field="responsibleUnit" issues={issues}>{input('responsibleUnit')}</Field>
        <Field field="leader" issues={issues}>{input('leader')}</Field>
        <Field field="locationText" issues={issues} wide>{area('locationText', 2)}</Field>
        <Field field="scaleText" issues={issues} wide>{area('scaleText', 4)}</Field>
        <div className="field field-wide">
          <span className="field-label">识别出的规模指标</span>
          <Metrics metrics={detail.project.metrics} />
        </div>
        <Field field="note" issues={issues} wide>{area('note', 2)}</Field>
      </div>
      <div className={`form-actions save-bar${dirty ? ' save-bar-dirty' : ''}`} data-testid="save-bar">
        <button type="submit" className="btn btn-primary" disabled={busy || !dirty}>
          保存（Ctrl+S）
        </button>
        <button type="button" className="btn" disabled={busy || !dirty} onClick={() => { setForm(saved); setIssues([]); setError(null); }}>
          放弃修改
        </button>
        <button
          type="button"
          className="btn"
          data-testid="undo-button"
          disabled={undoState.disabled}
          title={undoState.title}
          onClick={() => {
            setIssues([]);
            onUndo();
          }}
        >
          {undoState.label}
        </button>
        <span className="status" role="status">
          {dirty ? '有未保存的修改' : status}
        </span>
      </div>
      {toast > 0 && (
        <div className="save-toast" aria-live="polite" data-testid="save-toast">
          已保存
        </div>
      )}
      <LeaveDialog guard={guard} busy={busy} />
    </form>
  );
}

export default function ProjectPage({ id }: { id: number }) {
  const { data, error: loadError, loading } = useApi('project.get', { id });
  const meta = useApi('meta.get', {});
  const [detail, setDetail] = useState<ProjectDetail | null>(null);
  const [undoable, setUndoable] = useState<UndoableBatch | null>(null);
  const [undoBusy, setUndoBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [planRows, setPlanRows] = useState<{ categories: string[]; projects: { id: number; seq: number }[] } | null>(null);
  useEffect(() => setDetail(data), [data]);

  // the plan's categories (for 类别) and its projects by 序号 (上一个/下一个 without a register order)
  const planId = detail?.plan.id;
  useEffect(() => {
    if (planId === undefined) return;
    let live = true;
    send('register.rows', { planId }).then(
      (r) => live && setPlanRows({ categories: r.categories, projects: r.projects.map((row) => ({ id: row.id, seq: row.seq })) }),
      () => live && setPlanRows(null),
    );
    return () => {
      live = false;
    };
  }, [planId]);

  // ask the backend, after every change, what the newest undoable save of this project is
  useEffect(() => {
    if (!detail) return;
    let live = true;
    // until the backend answers, offer nothing: a click now would undo the save before the one just made
    setUndoable(null);
    send('history.undoable', { projectId: detail.project.id }).then(
      (u) => live && setUndoable(u),
      () => live && setUndoable(null),
    );
    return () => {
      live = false;
    };
  }, [detail]);

  async function undo() {
    if (!undoable || !detail) return;
    if (undoable.confirm && !window.confirm(undoable.confirm)) return;
    setUndoBusy(true);
    try {
      const r = await send('history.undo', { batchId: undoable.batchId, ...(undoable.confirm ? { confirm: true } : {}) });
      if (r.removedProjectIds.includes(detail.project.id)) {
        window.location.hash = '#/';
        return;
      }
      setDetail(await send('project.get', { id: detail.project.id }));
      setError(null);
      setStatus(`已${r.label}`);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setUndoBusy(false);
    }
  }

  if (loadError) return <section className="page"><ErrorBanner error={loadError} /><a href="#/">返回台账</a></section>;
  // `detail` follows `data` in an effect: for one render after another project loads it is still the
  // previous project's, and a key pressed then (Alt+→ again) acted on the project left behind
  if (loading || !detail || detail.project.id !== id) return <section className="page"><p className="empty">正在加载…</p></section>;
  const p = detail.project;
  const siteNames = historySiteNames(detail);
  const history = detail.history.filter(isShownChange);

  return (
    <section className="page project has-save-bar">
      <div className="crumbs-row">
        <nav className="crumbs">
          <a href="#/">项目台账</a> / <span>{p.seq}</span>
        </nav>
        <ProjectNav id={p.id} planId={detail.plan.id} plan={planRows?.projects ?? []} />
      </div>
      <header className="page-head">
        <div>
          <h1>{p.name}</h1>
          <p className="subtitle">
            {detail.plan.title} · 序号 {p.seq}
            {p.seqPrinted && `（原文印为“${p.seqPrinted}”）`} · {p.category} · {p.nature} · 投资估算 {formatWan(p.investmentYuan)} 万元 ·{' '}
            {windowLabelExact(p)}
          </p>
        </div>
        <a className="btn" href={fundingHash(detail.plan.id, { kind: 'project', projectId: p.id })} data-testid="funding-link">
          资金填报
        </a>
      </header>

      <Editor
        detail={detail}
        onSaved={setDetail}
        status={status}
        setStatus={setStatus}
        error={error}
        setError={setError}
        undo={undoable}
        undoBusy={undoBusy}
        onUndo={() => void undo()}
        planCategories={planRows?.categories ?? []}
        appCategories={meta.data?.categories ?? []}
      />

      <SitesEditor
        detail={detail}
        places={meta.data?.places ?? []}
        disabled={undoBusy}
        onSaved={(d, message) => {
          setDetail(d);
          setError(null);
          setStatus(message);
        }}
      />

      <ProgressTimeline projectId={p.id} planId={detail.plan.id} reloadToken={detail} />

      <MilestonesEditor
        projectId={p.id}
        projectSeq={p.seq}
        sites={detail.sites}
        milestones={detail.milestones}
        disabled={undoBusy}
        onSaved={(message) => {
          // reload the project: its milestones, facts and the undo button follow
          void send('project.get', { id: p.id }).then(setDetail, (e: unknown) => setError(toApiError(e)));
          setError(null);
          setStatus(message);
        }}
      />

      <h2>修改记录</h2>
      {history.length === 0 ? (
        <p className="empty">尚无修改</p>
      ) : (
        <table className="grid compact" data-testid="history-table">
          <thead>
            <tr>
              <th>时间</th>
              <th>修改人</th>
              <th>途径</th>
              <th>字段</th>
              <th>原值</th>
              <th>新值</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => {
              const c = describeChange(h, siteNames);
              return (
                <tr key={h.id} className={h.undoneBy !== null ? 'undone' : undefined} data-testid="history-row">
                  <td>{new Date(h.at).toLocaleString('zh-CN', { hour12: false })}</td>
                  <td>{h.user}</td>
                  <td>{h.isUndo ? '撤销' : DOOR_LABELS[h.door]}</td>
                  <td>{c.what}</td>
                  <td>{c.before}</td>
                  <td>
                    {c.after}
                    {h.undoneBy !== null && <span className="chip">已撤销</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
