// '#/gantt?plan=ID': the portfolio timeline with grouping, zoom, print and Excel export.
import { useEffect, useState } from 'react';
import type { ApiError } from '../../domain/api/errors';
import { send } from '../api-client';
import ErrorBanner from '../components/ErrorBanner';
import { toApiError, useApi } from '../components/use-api';
import GanttChart from '../gantt/GanttChart';
import { GanttLegend } from '../gantt/GanttLegend';
import { GROUP_LABELS, GROUPS, type GroupBy } from '../gantt/rows';
import { CHOICE_KEY, ganttHash, loadChoice, loadViewState, saveJson, viewKey, type ZoomChoice } from '../gantt/view-state';
import { rememberPlan } from '../current-plan';
import { useMenuCommands } from '../menu-mailbox';
import { loadPrintChoice, printHash, savePrintChoice, type PrintChoice } from '../print-choice';
import { shell } from '../shell';

const ZOOMS: { id: ZoomChoice; label: string }[] = [
  { id: 'year', label: '年' },
  { id: 'quarter', label: '季' },
  { id: 'month', label: '月' },
  { id: 'fit', label: '全部' },
];

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export default function GanttPage({ planId, group, zoom: zoomParam }: { planId?: number; group?: GroupBy; zoom?: ZoomChoice }) {
  const { data, error, loading } = useApi('gantt.get', planId === undefined ? {} : { planId });
  const shownPlan = data?.plan.id;
  useEffect(() => {
    if (shownPlan !== undefined) rememberPlan(shownPlan);
  }, [shownPlan]);
  // grouping and zoom: the link's, else this session's last, else the defaults
  const [remembered] = useState(() => loadChoice(sessionStore()));
  const [groupBy, setGroupBy] = useState<GroupBy>(group ?? remembered.group ?? 'category');
  const [zoom, setZoom] = useState<ZoomChoice>(zoomParam ?? remembered.zoom ?? 'fit');
  useEffect(() => {
    saveJson(sessionStore(), CHOICE_KEY, { group: groupBy, zoom });
    // replace, not push: the back button still leaves the Gantt, and no hashchange remounts it
    const hash = ganttHash(planId, groupBy, zoom);
    if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
  }, [planId, groupBy, zoom]);
  const [{ paper, range }, setChoice] = useState<PrintChoice>(loadPrintChoice);
  const choose = (next: PrintChoice): void => {
    setChoice(next);
    savePrintChoice(next);
  };
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const exportExcel = async (): Promise<void> => {
    setBusy(true);
    setActionError(null);
    try {
      const file = await send('xlsx.export', { kind: 'gantt', ...(data ? { planId: data.plan.id } : {}) });
      await shell.saveFile(file.fileName, file.base64);
    } catch (e) {
      setActionError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  // 文件 → 导出甘特图 (desktop menu)
  useMenuCommands((cmd) => {
    if (cmd !== 'export-gantt') return false;
    void exportExcel();
    return true;
  });

  // print what the screen shows: its grouping and the projects expanded to their sites
  const openPrint = (): void => {
    const shown = new URLSearchParams({ group: groupBy });
    const expanded = loadViewState(sessionStore(), viewKey(data?.plan.id)).expanded;
    if (expanded.length > 0) shown.set('expanded', expanded.join(','));
    window.location.hash = `${printHash({ paper, range }, undefined, data?.plan.id)}&${shown.toString()}`;
  };

  const years = data ? Array.from({ length: data.plan.endYear - data.plan.startYear + 1 }, (_, i) => data.plan.startYear + i) : [];
  const siteCount = data?.projects.reduce((n, p) => n + p.sites.length, 0) ?? 0;
  const late = data?.projects.filter((p) => p.light === 'red').length ?? 0;
  const unreported = data?.projects.filter((p) => p.light === 'grey').length ?? 0;

  return (
    <section className="gantt-page" aria-busy={loading}>
      <div className="gantt-toolbar">
        <h1>甘特图</h1>
        <fieldset>
          <legend>分组</legend>
          {GROUPS.map((g) => (
            <button key={g} type="button" className="gantt-seg" aria-pressed={groupBy === g} onClick={() => setGroupBy(g)}>
              {GROUP_LABELS[g]}
            </button>
          ))}
        </fieldset>
        <fieldset>
          <legend>缩放</legend>
          {ZOOMS.map((z) => (
            <button key={z.id} type="button" className="gantt-seg" aria-pressed={zoom === z.id} onClick={() => setZoom(z.id)}>
              {z.label}
            </button>
          ))}
        </fieldset>
        <fieldset>
          <legend>打印</legend>
          <select aria-label="纸张" value={paper} onChange={(e) => choose({ paper: e.target.value === 'A4' ? 'A4' : 'A3', range })}>
            <option value="A3">A3 横向</option>
            <option value="A4">A4 横向</option>
          </select>
          <select aria-label="打印范围" value={range} onChange={(e) => choose({ paper, range: e.target.value })}>
            <option value="plan">整个规划期</option>
            {years.map((y) => (
              <option key={y} value={`year:${y}`}>
                {y}年
              </option>
            ))}
          </select>
          <button type="button" className="gantt-seg" onClick={openPrint}>
            打印
          </button>
        </fieldset>
        <button type="button" className="gantt-seg" onClick={() => void exportExcel()} disabled={busy || !data}>
          导出Excel
        </button>
        {data && (
          <span className="gantt-summary">
            {data.plan.title} · {data.projects.length} 个项目 · {siteCount} 个建设点 · 滞后 {late} 个 · 未填报 {unreported} 个 · 今天 {data.today}
          </span>
        )}
      </div>
      {error && <ErrorBanner error={error} />}
      {actionError && <ErrorBanner error={actionError} onClose={() => setActionError(null)} />}
      {loading && !data && <p className="empty">正在载入…</p>}
      {data && <GanttChart data={data} groupBy={groupBy} zoom={zoom} viewKey={viewKey(data.plan.id)} />}
      <GanttLegend />
    </section>
  );
}
