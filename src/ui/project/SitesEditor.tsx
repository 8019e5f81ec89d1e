// 建设点 on the project page: list, add, edit and remove. Every save is one batch on the server,
// so the page's one undo button takes it back. The logic lives in site-form.ts.
import { useState, type ReactNode } from 'react';
import { ApiError, type Issue } from '../../domain/api/errors';
import { confirmationQuestion } from '../../domain/api/history';
import type { ProjectDetail } from '../../domain/api/register';
import type { ArchivedSiteView, SiteSaveResult } from '../../domain/api/sites';
import type { Place, Site } from '../../domain/model';
import { formatWan } from '../../domain/money';
import { siteName } from '../../domain/site-name';
import { SITE_FIELD_LABELS, type SiteField } from '../../domain/site-rules';
import { send } from '../api-client';
import ErrorBanner from '../components/ErrorBanner';
import LabelledField from '../components/LabelledField';
import { toApiError } from '../components/use-api';
import {
  EMPTY_SITE_FORM,
  formFieldOf,
  formFromSite,
  isSiteFormDirty,
  siteFormToFields,
  siteWindowText,
  townHint,
  townsOf,
  villagesOf,
  type SiteForm,
} from './site-form';

type Editing = { mode: 'new' } | { mode: 'edit'; site: Site } | null;

interface Props {
  detail: ProjectDetail;
  places: Place[];
  /** another save or an undo is running, or the project form has unsaved edits */
  disabled: boolean;
  onSaved: (detail: ProjectDetail, message: string) => void;
}

function SiteInput(props: { field: SiteField; issues: Issue[]; hint?: string; wide?: boolean; children: ReactNode }) {
  return <LabelledField {...props} label={SITE_FIELD_LABELS[props.field]} />;
}

function SiteFormPanel(props: {
  editing: Exclude<Editing, null>;
  detail: ProjectDetail;
  places: Place[];
  busy: boolean;
  onSave: (form: SiteForm) => Promise<Issue[]>;
  onCancel: () => void;
}) {
  const saved = props.editing.mode === 'edit' ? formFromSite(props.editing.site) : EMPTY_SITE_FORM;
  const [form, setForm] = useState<SiteForm>(saved);
  const [issues, setIssues] = useState<Issue[]>([]);
  const p = props.detail.project;
  const title = props.editing.mode === 'edit' ? `编辑建设点「${siteName(props.editing.site)}」` : '新增建设点';
  const listId = `site-villages-${props.editing.mode === 'edit' ? props.editing.site.id : 'new'}`;

  const input = (field: SiteField, extra: Record<string, string> = {}) => (
    <input
      name={`site-${field}`}
      aria-label={SITE_FIELD_LABELS[field]}
      value={form[field]}
      onChange={(e) => setForm({ ...form, [field]: e.target.value })}
      aria-invalid={issues.some((i) => i.field === field)}
      {...extra}
    />
  );

  async function save() {
    const local = siteFormToFields(form, p).issues;
    setIssues(local);
    if (local.length > 0) return;
    setIssues(await props.onSave(form));
  }

  return (
    <form
      className="site-form"
      role="group"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      <h3>{title}</h3>
      <div className="form-grid">
        <SiteInput field="town" issues={issues} hint={townHint(props.places, form.town)}>
          {input('town', { list: 'site-towns' })}
        </SiteInput>
        <SiteInput field="village" issues={issues}>
          {input('village', { list: listId })}
          <datalist id={listId}>
            {villagesOf(props.places, form.town).map((v) => (
              <option key={v.id} value={v.name} />
            ))}
          </datalist>
        </SiteInput>
        <SiteInput field="address" issues={issues}>{input('address')}</SiteInput>
        <SiteInput field="budgetYuan" issues={issues} hint="万元，可留空">
          {input('budgetYuan', { inputMode: 'decimal' })}
        </SiteInput>
        <SiteInput field="startYear" issues={issues} hint={`留空则沿用项目 ${p.startYear} 年`}>
          {input('startYear', { inputMode: 'numeric' })}
        </SiteInput>
        <SiteInput field="endYear" issues={issues} hint={`留空则沿用项目 ${p.endYear} 年`}>
          {input('endYear', { inputMode: 'numeric' })}
        </SiteInput>
        <SiteInput field="scaleText" issues={issues} wide>
          <textarea
            name="site-scaleText"
            aria-label={SITE_FIELD_LABELS.scaleText}
            rows={2}
            value={form.scaleText}
            onChange={(e) => setForm({ ...form, scaleText: e.target.value })}
          />
        </SiteInput>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={props.busy || (props.editing.mode === 'edit' && !isSiteFormDirty(form, saved))}>
          保存建设点
        </button>
        <button type="button" className="btn" disabled={props.busy} onClick={props.onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}

function ArchivedList({ projectId }: { projectId: number }) {
  const [sites, setSites] = useState<ArchivedSiteView[] | null>(null);
  if (sites === null) {
    return (
      <button type="button" className="btn-link" onClick={() => void send('site.archived', { projectId }).then(setSites, () => setSites([]))}>
        查看已归档的建设点
      </button>
    );
  }
  if (sites.length === 0) return <p className="dim">没有已归档的建设点</p>;
  return (
    <ul className="dim" data-testid="archived-sites">
      {sites.map((s) => (
        <li key={s.id}>
          {siteName(s)}（{s.archivedAt} 归档）
        </li>
      ))}
    </ul>
  );
}

export default function SitesEditor({ detail, places, disabled, onSaved }: Props) {
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const onError = setError;
  const [busy, setBusy] = useState(false);
  const p = detail.project;

  async function run(call: () => Promise<SiteSaveResult>, message: (r: SiteSaveResult) => string): Promise<Issue[]> {
    setBusy(true);
    try {
      const r = await call();
      setEditing(null);
      setError(null);
      onSaved(r.detail, message(r));
      return [];
    } catch (e) {
      const err = toApiError(e);
      const fieldIssues = err.issues.flatMap((i) => {
        const field = formFieldOf(i.field);
        return field && field in SITE_FIELD_LABELS ? [{ ...i, field }] : [];
      });
      if (fieldIssues.length === 0) onError(err);
      return fieldIssues;
    } finally {
      setBusy(false);
    }
  }

  const savedName = (r: SiteSaveResult): string => {
    const s = r.detail.sites.find((x) => x.id === r.siteId);
    return s ? siteName(s) : '';
  };

  async function saveForm(form: SiteForm): Promise<Issue[]> {
    const { fields } = siteFormToFields(form, p);
    if (editing?.mode === 'edit') {
      const site = editing.site;
      return run(
        () => send('site.update', { siteId: site.id, patch: fields }),
        (r) => (r.outcome === 'unchanged' ? '建设点没有改动' : `已保存建设点「${savedName(r)}」`),
      );
    }
    return run(() => send('site.create', { projectId: p.id, site: fields }), (r) => `已新增建设点「${savedName(r)}」`);
  }

  async function remove(site: Site) {
    const name = siteName(site);
    const done = (r: SiteSaveResult) => (r.outcome === 'archived' ? `已归档建设点「${name}」，可撤销` : `已删除建设点「${name}」，可撤销`);
    setBusy(true);
    setError(null);
    try {
      const r = await send('site.remove', { siteId: site.id });
      onSaved(r.detail, done(r));
    } catch (e) {
      // a site with progress or milestones: the server asks before archiving it
      const question = confirmationQuestion(e);
      if (question === null) onError(toApiError(e));
      else if (window.confirm(question)) {
        try {
          const r = await send('site.remove', { siteId: site.id, confirm: true });
          onSaved(r.detail, done(r));
        } catch (again) {
          onError(toApiError(again));
        }
      }
    } finally {
      setBusy(false);
    }
  }

  const off = disabled || busy;
  return (
    <section className="sites" aria-label="建设点">
      <div className="section-head">
        <h2>建设点（{detail.sites.length}）</h2>
        <button type="button" className="btn" disabled={off || editing !== null} onClick={() => setEditing({ mode: 'new' })}>
          新增建设点
        </button>
      </div>
      {error && <ErrorBanner error={error} onClose={() => setError(null)} />}
      <datalist id="site-towns">
        {townsOf(places).map((t) => (
          <option key={t.id} value={t.name} />
        ))}
      </datalist>
      <table className="grid compact" data-testid="sites-table">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>乡镇（街道）</th>
            <th>村（社区）</th>
            <th>地址</th>
            <th>规模</th>
            <th className="num">预算（万元）</th>
            <th>年限</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {detail.sites.map((s) => (
            <tr key={s.id} data-testid="site-edit-row">
              <td className="num">{s.seq}</td>
              <td>{s.town}</td>
              <td>{s.village}</td>
              <td>{s.address}</td>
              <td>{s.scaleText}</td>
              <td className="num">{s.budgetYuan === null ? '' : formatWan(s.budgetYuan)}</td>
              <td>{siteWindowText(s, p)}</td>
              <td className="actions">
                <button type="button" className="btn-link" disabled={off || editing !== null} onClick={() => setEditing({ mode: 'edit', site: s })} aria-label={`编辑 ${siteName(s)}`}>
                  编辑
                </button>
                <button type="button" className="btn-link" disabled={off || editing !== null} onClick={() => void remove(s)} aria-label={`删除 ${siteName(s)}`}>
                  删除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <SiteFormPanel
          key={editing.mode === 'edit' ? editing.site.id : 'new'}
          editing={editing}
          detail={detail}
          places={places}
          busy={busy}
          onSave={saveForm}
          onCancel={() => setEditing(null)}
        />
      )}
      <ArchivedList key={detail.sites.map((s) => s.id).join(',')} projectId={p.id} />
    </section>
  );
}
