// 里程碑 on the project page: the eight kinds (立项 … 竣工决算) with planned and actual dates,
// for the project as a whole or for one of its sites, saved with 'milestone.save' (one batch:
// the page's undo button takes it back). Actual dates feed the Gantt's actual bars and
// diamonds. Dates are text inputs showing YYYY-MM-DD whatever the OS locale; the logic is
// in ../progress/milestone-form.ts.
import { useEffect, useState } from 'react';
import type { ApiError } from '../../domain/api/errors';
import type { Milestone, Site } from '../../domain/model';
import { send } from '../api-client';
import ErrorBanner from '../components/ErrorBanner';
import { toApiError } from '../components/use-api';
import {
  errorKey,
  isFormDirty,
  issuesToForm,
  milestoneCounts,
  milestoneForm,
  parseDateText,
  planMilestoneSave,
  type DateField,
  type FormErrors,
  type MilestoneRowForm,
} from '../progress/milestone-form';
import { PROJECT_TARGET, siteLabel } from '../progress/timeline';
import '../progress/progress.css';

interface Props {
  projectId: number;
  projectSeq: number;
  sites: readonly Site[];
  /** the project's and its sites' milestones, as last loaded by the page */
  milestones: readonly Milestone[];
  /** another save or an undo is running */
  disabled: boolean;
  onSaved: (message: string) => void;
}

const FIELD_LABEL: Record<DateField, string> = { plannedDate: '计划日期', actualDate: '实际日期' };

export default function MilestonesEditor({ projectId, projectSeq, sites, milestones, disabled, onSaved }: Props) {
  const [siteId, setSiteId] = useState<number | null>(null);
  const saved = milestoneForm(milestones, siteId);
  const [form, setForm] = useState<MilestoneRowForm[]>(saved);
  const [errors, setErrors] = useState<FormErrors>(new Map());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const dirty = isFormDirty(form, saved);

  // a save or an undo elsewhere reloads the milestones: show them (for the chosen target)
  const savedKey = JSON.stringify(saved);
  useEffect(() => {
    setForm(milestoneForm(milestones, siteId));
    setErrors(new Map());
  }, [savedKey]);

  const counts = milestoneCounts(milestones);
  const targetName = siteId === null ? PROJECT_TARGET : (() => {
    const s = sites.find((x) => x.id === siteId);
    return s ? siteLabel(projectSeq, s) : `建设点 ${siteId}`;
  })();

  const chooseTarget = (value: string): void => {
    if (dirty && !window.confirm('里程碑有未保存的修改，切换将放弃这些修改。继续吗？')) return;
    const next = value === '' ? null : Number(value);
    setSiteId(next);
    setForm(milestoneForm(milestones, next));
    setErrors(new Map());
    setError(null);
  };

  const setDate = (row: number, field: DateField, text: string): void => {
    setForm(form.map((r, i) => (i === row ? { ...r, [field]: text } : r)));
    if (errors.has(errorKey(row, field))) {
      const next = new Map(errors);
      next.delete(errorKey(row, field));
      setErrors(next);
    }
  };

  /** on leaving an input: "2025/3/5" becomes "2025-03-05"; unreadable text stays, marked */
  const tidy = (row: number, field: DateField): void => {
    const text = form[row]?.[field] ?? '';
    const p = parseDateText(text);
    if (p.ok) {
      if ((p.date ?? '') !== text) setForm(form.map((r, i) => (i === row ? { ...r, [field]: p.date ?? '' } : r)));
    } else setErrors(new Map(errors).set(errorKey(row, field), p.message));
  };

  async function save(): Promise<void> {
    const plan = planMilestoneSave(form, saved, siteId);
    setErrors(plan.errors);
    setError(null);
    if (plan.errors.size > 0 || plan.items.length === 0) return;
    setBusy(true);
    try {
      await send('milestone.save', { projectId, milestones: plan.items });
      const message = `已保存里程碑（${targetName}，${plan.items.length} 项）`;
      setStatus(message);
      onSaved(message);
    } catch (e) {
      const err = toApiError(e);
      const mapped = issuesToForm(err.issues, plan.itemRows);
      setErrors(mapped.errors);
      if (mapped.other.length > 0 || mapped.errors.size === 0) setError(err);
    } finally {
      setBusy(false);
    }
  }

  const input = (row: number, r: MilestoneRowForm, field: DateField) => {
    const message = errors.get(errorKey(row, field));
    const p = parseDateText(r[field]);
    return (
      <td>
        <input
          type="text"
          inputMode="numeric"
          placeholder="YYYY-MM-DD"
          pattern="\d{4}-\d{2}-\d{2}"
          maxLength={12}
          aria-label={`${r.kind}${FIELD_LABEL[field]}`}
          aria-invalid={message ? true : undefined}
          value={r[field]}
          onChange={(e) => setDate(row, field, e.target.value)}
          onBlur={() => tidy(row, field)}
        />
        {message ? (
          <span className="ms-cell-error" role="alert">
            {message}
          </span>
        ) : p.ok && p.date !== null && p.date !== r[field] ? (
          <span className="ms-iso">即 {p.date}</span>
        ) : null}
      </td>
    );
  };

  return (
    <section aria-labelledby="milestones-title" className="milestones">
      <h2 id="milestones-title">里程碑</h2>
      <div className="ms-editor">
        <div className="ms-target">
          <label>
            <span className="dim">对象 </span>
            <select aria-label="里程碑对象" value={siteId ?? ''} onChange={(e) => chooseTarget(e.target.value)}>
              <option value="">
                {PROJECT_TARGET}
                {counts.get(null) ? `（${counts.get(null)} 个）` : ''}
              </option>
              {[...sites]
                .sort((a, b) => a.seq - b.seq)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {siteLabel(projectSeq, s)}
                    {counts.get(s.id) ? `（${counts.get(s.id)} 个）` : ''}
                  </option>
                ))}
            </select>
          </label>
          <span className="hint">日期格式 YYYY-MM-DD（也可输入 2025/3/5、2025年3月5日）；两个日期都清空即删除该里程碑。实际日期用于甘特图的实际进度条和里程碑标记。</span>
        </div>
        {error && <ErrorBanner error={error} onClose={() => setError(null)} />}
        <table className="grid compact ms-table" data-testid="milestones-table">
          <thead>
            <tr>
              <th>里程碑</th>
              <th>计划日期</th>
              <th>实际日期</th>
            </tr>
          </thead>
          <tbody>
            {form.map((r, row) => (
              <tr key={r.kind} data-kind={r.kind}>
                <th scope="row">{r.kind}</th>
                {input(row, r, 'plannedDate')}
                {input(row, r, 'actualDate')}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-actions">
          <button type="button" className="btn btn-primary" disabled={disabled || busy || !dirty} onClick={() => void save()}>
            保存里程碑
          </button>
          <button
            type="button"
            className="btn"
            disabled={disabled || busy || !dirty}
            onClick={() => {
              setForm(saved);
              setErrors(new Map());
              setError(null);
            }}
          >
            放弃修改
          </button>
          <span className="status" data-testid="milestones-status">
            {dirty ? '里程碑有未保存的修改' : status}
          </span>
        </div>
      </div>
    </section>
  );
}
