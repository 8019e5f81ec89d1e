// 进度记录 on the project page: every report of the project and its sites as a timeline,
// newest month first, with a link to the monthly grid (月度填报) for this project.
// Grouping and labels are in ../progress/timeline.ts.
import { useEffect, useState, type ReactNode } from 'react';
import type { ApiError } from '../../domain/api/errors';
import type { ProjectProgress } from '../../domain/api/progress';
import { send } from '../api-client';
import ErrorBanner from '../components/ErrorBanner';
import { toApiError } from '../components/use-api';
import { reportHash } from '../progress/report-month';
import { buildTimeline, reportedSites, siteLabel, type TimelineFilter, type TimelineItem } from '../progress/timeline';
import '../progress/progress.css';

const PAGE = 30;

interface Props {
  projectId: number;
  planId: number;
  /** changes when the page reloads the project (a save or an undo elsewhere) */
  reloadToken: unknown;
}

function Entry({ item }: { item: TimelineItem }) {
  return (
    <li className={`tl-entry${item.superseded ? ' dim' : ''}`} data-testid="timeline-entry">
      <div className="tl-line">
        <span className="tl-target" title={item.target}>
          {item.target}
        </span>
        <span className={`tl-stage tl-stage-${item.stageTone}`}>{item.stage}</span>
        <span className="tl-bar" role="img" aria-label={`形象进度 ${item.percent}%`}>
          <span className="tl-bar-fill" style={{ width: `${Math.min(100, Math.max(0, item.percent))}%`, display: 'block' }} />
        </span>
        <span className="tl-percent">{item.percent}%</span>
        <span className="tl-money">
          本月完成投资 {item.periodWan} 万元 · 累计 {item.cumulativeWan} 万元
        </span>
      </div>
      {item.description && <p className="tl-desc">{item.description}</p>}
      {item.problems && <p className="tl-problems">存在问题：{item.problems}</p>}
      <div className="tl-foot">
        填报人 {item.author || '—'} · 填报日期 {item.date}
        {item.superseded && <span className="chip">已更正：以同月后一次填报为准</span>}
      </div>
    </li>
  );
}

export default function ProgressTimeline({ projectId, planId, reloadToken }: Props) {
  const [data, setData] = useState<ProjectProgress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const [limit, setLimit] = useState(PAGE);

  useEffect(() => {
    let live = true;
    send('progress.list', { projectId }).then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(null);
      },
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [projectId, reloadToken]);

  const link = (
    <a className="btn" href={reportHash({ planId, projectId })} data-testid="monthly-report-link">
      月度填报
    </a>
  );
  const head = (extra?: ReactNode) => (
    <div className="timeline-head">
      <h2 id="progress-timeline-title">进度记录</h2>
      {link}
      {extra}
    </div>
  );

  if (error) {
    return (
      <section aria-labelledby="progress-timeline-title">
        {head()}
        <ErrorBanner error={error} />
      </section>
    );
  }
  if (!data) {
    return (
      <section aria-labelledby="progress-timeline-title">
        {head()}
        <p className="empty">正在加载…</p>
      </section>
    );
  }
  const sites = reportedSites(data.sites, data.entries);
  const hasOwn = data.entries.some((e) => e.siteId === null);
  const timeline = buildTimeline(data.entries, data.sites, data.project.seq, filter, limit);
  const picker =
    data.entries.length > 0 && (sites.length > 0 || hasOwn) ? (
      <label className="dim">
        只看{' '}
        <select
          aria-label="只看"
          value={String(filter)}
          onChange={(e) => {
            const v = e.target.value;
            setFilter(v === 'all' || v === 'project' ? v : Number(v));
            setLimit(PAGE);
          }}
        >
          <option value="all">全部（{data.entries.length} 条）</option>
          {hasOwn && <option value="project">项目整体</option>}
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {siteLabel(data.project.seq, s)}
            </option>
          ))}
        </select>
      </label>
    ) : null;

  return (
    <section aria-labelledby="progress-timeline-title" data-testid="progress-timeline">
      {head(picker)}
      {timeline.total === 0 ? (
        <p className="empty">
          尚未填报进度。每月在 <a href={reportHash({ planId, projectId })}>月度填报</a> 中逐个建设点填写。
        </p>
      ) : (
        <ol className="timeline">
          {timeline.months.map((m) => (
            <li key={m.month} className="tl-month" data-month={m.month}>
              <div className="tl-month-label">{m.label}</div>
              <ul className="tl-entries">
                {m.items.map((i) => (
                  <Entry key={i.id} item={i} />
                ))}
              </ul>
            </li>
          ))}
          {timeline.shown < timeline.total && (
            <li className="tl-more">
              <button type="button" className="btn-link" onClick={() => setLimit((n) => n + PAGE * 2)}>
                显示更多（还有 {timeline.total - timeline.shown} 条）
              </button>
            </li>
          )}
        </ol>
      )}
    </section>
  );
}
