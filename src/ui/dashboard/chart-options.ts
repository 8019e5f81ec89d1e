// ECharts options for the dashboard, as pure functions of the dashboard data, so the
// figures drawn can be tested without a browser. Animation is off: the print view
// must be complete the moment it is rendered, and figures should not move on screen.
import type { MonthTotal, RateFigure, SourceTotal } from '../../domain/api/dashboard';
import { yuanToWan } from '../../domain/money';

/** the subset of ECharts' option type we build; kept loose at the edges echarts accepts */
export interface ChartOption {
  animation: false;
  textStyle: { fontFamily: string };
  [key: string]: unknown;
}

const FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
/** distinct in greyscale: dark, mid, light */
const SERIES_COLORS = ['#1f3b73', '#5b8bd9', '#b8cdf0'];
const wan = (yuan: number) => Math.round(yuanToWan(yuan) * 100) / 100;

function base(): ChartOption {
  return { animation: false, textStyle: { fontFamily: FONT } };
}

/** the four rates as horizontal bars against 100% */
export function ratesOption(rates: readonly RateFigure[]): ChartOption {
  const shown = [...rates].reverse();
  return {
    ...base(),
    grid: { left: 80, right: 56, top: 8, bottom: 20 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: '#e5e7eb' } } },
    yAxis: { type: 'category', data: shown.map((r) => r.label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barWidth: 14,
        data: shown.map((r) => (r.value === null ? 0 : Math.round(r.value * 1000) / 10)),
        itemStyle: { color: SERIES_COLORS[0] },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => {
            const r = shown[p.dataIndex];
            return r?.value === null || r === undefined ? '—' : `${(r.value * 100).toFixed(1)}%`;
          },
        },
      },
    ],
  };
}

/** planned against arrived against paid, per funding source, in 万元 */
export function sourcesOption(sources: readonly SourceTotal[]): ChartOption {
  const kinds = [
    { name: '计划安排', pick: (s: SourceTotal) => s.plannedYuan },
    { name: '到位', pick: (s: SourceTotal) => s.arrivedYuan },
    { name: '支付', pick: (s: SourceTotal) => s.paidYuan },
  ];
  return {
    ...base(),
    legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 10 } },
    grid: { left: 56, right: 12, top: 28, bottom: 24 },
    // every source named, however narrow the chart (ECharts would skip labels that crowd)
    xAxis: { type: 'category', data: sources.map((s) => s.name), axisTick: { show: false }, axisLabel: { interval: 0, fontSize: 10 } },
    yAxis: { type: 'value', name: '万元', nameGap: 8, splitLine: { lineStyle: { color: '#e5e7eb' } } },
    series: kinds.map((k, i) => ({
      type: 'bar',
      name: k.name,
      barMaxWidth: 18,
      itemStyle: { color: SERIES_COLORS[i], borderColor: '#1f3b73', borderWidth: 0.5 },
      data: sources.map((s) => wan(k.pick(s))),
    })),
  };
}

/** completed investment per report month, with the running total */
export function monthsOption(months: readonly MonthTotal[]): ChartOption {
  let running = 0;
  const cumulative = months.map((m) => (running += m.completedYuan));
  return {
    ...base(),
    legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 10 } },
    grid: { left: 56, right: 56, top: 28, bottom: 24 },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    // the units are in the legend: axis names would collide with it on a small chart
    yAxis: [
      { type: 'value', splitLine: { lineStyle: { color: '#e5e7eb' } } },
      { type: 'value', splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: '当月完成（左轴，万元）', barMaxWidth: 16, itemStyle: { color: SERIES_COLORS[1] }, data: months.map((m) => wan(m.completedYuan)) },
      {
        type: 'line',
        name: '累计完成（右轴，万元）',
        yAxisIndex: 1,
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { color: SERIES_COLORS[0], width: 2, type: 'solid' },
        itemStyle: { color: SERIES_COLORS[0] },
        data: cumulative.map(wan),
      },
    ],
  };
}
