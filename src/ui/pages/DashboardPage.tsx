// '#/dashboard?plan=ID' (总览): the four rates, the lights, what needs attention,
// funding by source, completed investment by month, and totals by category and town.
import { useMemo } from 'react';
import ErrorBanner from '../components/ErrorBanner';
import { useApi } from '../components/use-api';
import { monthsOption, ratesOption, sourcesOption } from '../dashboard/chart-options';
import { AttentionList, CategoryTable, LightCounts, RateTiles, SourceTable, TownTable } from '../dashboard/DashboardParts';
import EChart from '../dashboard/EChart';
import { formatWan } from '../../domain/money';
import { navigate } from '../router';
import '../dashboard/dashboard.css';

export default function DashboardPage({ planId }: { planId?: number }) {
  const { data, error } = useApi('dashboard.get', planId ? { planId } : {});
  const rates = useMemo(() => (data ? ratesOption(data.rates) : null), [data]);
  const sources = useMemo(() => (data ? sourcesOption(data.bySource) : null), [data]);
  const months = useMemo(() => (data ? monthsOption(data.byMonth) : null), [data]);
  const planQuery = data ? `plan=${data.plan.id}` : '';

  return (
    <section className="page dashboard">
      <div className="page-head">
        <div>
          <h1>总览</h1>
          {data && (
            <p className="subtitle">
              {data.plan.title} · <strong>{data.projectCount}</strong> 个项目、{data.siteCount} 个建设点 · 投资估算{' '}
              <strong>{formatWan(data.investmentYuan)}</strong> 万元 · 累计完成 {formatWan(data.completedYuan)} 万元 · 截至 {data.today}
            </p>
          )}
        </div>
        <div className="toolbar">
          <a className="btn" href={`#/print/dashboard?paper=A4&${planQuery}`}>
            打印一页简报（A4）
          </a>
        </div>
      </div>
      {error && <ErrorBanner error={error} />}
      {data && rates && sources && months && (
        <>
          <RateTiles data={data} />
          <LightCounts data={data} onPick={(light) => navigate(`#/?plan=${data.plan.id}&light=${light}`)} />
          <div className="dash-row">
            <section className="dash-card dash-attention-card">
              <h2>需关注（{data.attention.length}）</h2>
              <AttentionList items={data.attention} linkTo />
            </section>
            <section className="dash-card">
              <h2>四率</h2>
              <EChart option={rates} width={420} height={170} label={data.rates.map((r) => `${r.label}${r.detail}`).join('；')} />
            </section>
          </div>
          <div className="dash-row">
            <section className="dash-card">
              <h2>资金：计划安排、到位、支付（按来源）</h2>
              <EChart option={sources} width={560} height={240} label="按资金来源的计划安排、到位、支付金额" />
              <SourceTable data={data} />
            </section>
            <section className="dash-card">
              <h2>完成投资（按月）</h2>
              {data.byMonth.length === 0 ? (
                <p className="dash-empty">尚无进度填报。</p>
              ) : (
                <EChart option={months} width={560} height={240} label="每月完成投资与累计完成投资" />
              )}
              <CategoryTable data={data} />
            </section>
          </div>
          <section className="dash-card">
            <h2 title={data.townShareNote}>按镇街（本镇分摊）</h2>
            <p className="dash-note">{data.townShareNote}</p>
            <TownTable data={data} columns={3} />
          </section>
        </>
      )}
    </section>
  );
}
