// The dashboard's building blocks, shared by the screen and the one-page print.
import type { AttentionItem, DashboardData, LightKey } from '../../domain/api/dashboard';
import { LIGHT_KEYS } from '../../domain/api/dashboard';
import { formatWan, formatWanRounded } from '../../domain/money';
import { LIGHT_LABEL, LIGHT_MARK } from './lights';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export function RateTiles({ data }: { data: DashboardData }) {
  return (
    <ul className="dash-rates" aria-label="四率">
      {data.rates.map((r) => (
        <li key={r.key} className="dash-rate" title={r.definition}>
          <span className="dash-rate-label">{r.label}</span>
          <strong className="dash-rate-value" data-rate={r.key}>
            {pct(r.value)}
          </strong>
          <span className="dash-rate-detail">{r.detail}</span>
          <span className="dash-rate-def">{r.definition}</span>
        </li>
      ))}
    </ul>
  );
}

export function LightCounts({ data, onPick }: { data: DashboardData; onPick?: (light: LightKey) => void }) {
  return (
    <ul className="dash-lights" aria-label="项目状态">
      {LIGHT_KEYS.map((k) => (
        <li key={k} className={`dash-light light-${k}`} data-light={k}>
          {onPick ? (
            <button type="button" className="btn-link" onClick={() => onPick(k)} title={`在项目台账中查看${LIGHT_LABEL[k]}的项目`}>
              <LightLabel light={k} /> <strong>{data.lights[k]}</strong> 个
            </button>
          ) : (
            <>
              <LightLabel light={k} /> <strong>{data.lights[k]}</strong> 个
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function LightLabel({ light }: { light: LightKey }) {
  return (
    <span className={`light-tag light-${light}`}>
      <span className="light-mark" aria-hidden="true">
        {LIGHT_MARK[light]}
      </span>
      {LIGHT_LABEL[light]}
    </span>
  );
}

export function AttentionList({ items, limit, linkTo }: { items: readonly AttentionItem[]; limit?: number; linkTo?: boolean }) {
  const shown = limit === undefined ? items : items.slice(0, limit);
  if (items.length === 0) return <p className="dash-empty">没有需要关注的项目。</p>;
  return (
    <>
      <ol className="dash-attention" aria-label="需关注">
        {shown.map((i) => (
          <li key={i.projectId} data-kind={i.kind}>
            <LightLabel light={i.light} />
            <span className="dash-att-name">
              {linkTo ? <a href={`#/project/${i.projectId}`}>{`${i.seq}. ${i.name}`}</a> : `${i.seq}. ${i.name}`}
            </span>
            <span className="dash-att-reason">{i.reason}</span>
          </li>
        ))}
      </ol>
      {shown.length < items.length && <p className="dash-more">另有 {items.length - shown.length} 个项目需关注，见总览页。</p>}
    </>
  );
}

export function CategoryTable({ data }: { data: DashboardData }) {
  return (
    <table className="grid compact dash-table" aria-label="按类别">
      <thead>
        <tr>
          <th>类别</th>
          <th className="num">项目</th>
          <th className="num">投资估算（万元）</th>
          <th className="num">累计完成（万元）</th>
        </tr>
      </thead>
      <tbody>
        {data.byCategory.map((c) => (
          <tr key={c.category}>
            <td>{c.category || '未分类'}</td>
            <td className="num">{c.projectCount}</td>
            <td className="num">{formatWan(c.investmentYuan)}</td>
            <td className="num">{formatWan(c.completedYuan)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td>合计</td>
          <td className="num">{data.projectCount}</td>
          <td className="num">{formatWan(data.investmentYuan)}</td>
          <td className="num">{formatWan(data.completedYuan)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function SourceTable({ data }: { data: DashboardData }) {
  const sum = (pick: (s: DashboardData['bySource'][number]) => number) => data.bySource.reduce((a, s) => a + pick(s), 0);
  const rate = (a: number, b: number) => (b > 0 ? pct(a / b) : '—');
  const planned = sum((s) => s.plannedYuan);
  const arrived = sum((s) => s.arrivedYuan);
  const paid = sum((s) => s.paidYuan);
  return (
    <table className="grid compact dash-table" aria-label="按资金来源">
      <thead>
        <tr>
          <th>资金来源</th>
          <th className="num">计划安排（万元）</th>
          <th className="num">到位（万元）</th>
          <th className="num">支付（万元）</th>
          <th className="num">到位率</th>
          <th className="num">支付率</th>
        </tr>
      </thead>
      <tbody>
        {data.bySource.map((s) => (
          <tr key={s.sourceId}>
            <td>{s.name}</td>
            <td className="num">{formatWan(s.plannedYuan)}</td>
            <td className="num">{formatWan(s.arrivedYuan)}</td>
            <td className="num">{formatWan(s.paidYuan)}</td>
            <td className="num">{rate(s.arrivedYuan, s.plannedYuan)}</td>
            <td className="num">{rate(s.paidYuan, s.arrivedYuan)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td>合计</td>
          <td className="num">{formatWan(planned)}</td>
          <td className="num">{formatWan(arrived)}</td>
          <td className="num">{formatWan(paid)}</td>
          <td className="num">{rate(arrived, planned)}</td>
          <td className="num">{rate(paid, arrived)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** towns in `columns` side-by-side blocks, so 33 towns fit on a printed page */
export function TownTable({ data, columns = 1 }: { data: DashboardData; columns?: number }) {
  const perBlock = Math.ceil(data.byTown.length / columns);
  const blocks = Array.from({ length: columns }, (_, i) => data.byTown.slice(i * perBlock, (i + 1) * perBlock));
  return (
    <div className="dash-towns" title={data.townShareNote}>
      {blocks.map((towns, b) => (
        <table key={b} className="grid compact dash-table" aria-label={b === 0 ? '按镇街（本镇分摊）' : undefined}>
          <thead>
            <tr>
              <th>镇街</th>
              <th className="num">建设点</th>
              <th className="num" title={data.townShareNote}>
                本镇分摊（万元）
              </th>
            </tr>
          </thead>
          <tbody>
            {towns.map((t) => (
              <tr key={t.town}>
                <td>{t.town}</td>
                <td className="num">{t.siteCount}</td>
                <td className="num">{formatWanRounded(t.shareYuan)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
