// One ECharts chart with the SVG renderer (crisp when printed). Only the pieces the
// dashboard uses are registered, which keeps the bundle small.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './chart-options';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface EChartProps {
  option: ChartOption;
  width: number;
  height: number;
  /** what a screen reader hears instead of the drawing */
  label: string;
  onRendered?: () => void;
}

export default function EChart({ option, width, height, label, onRendered }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg', width, height, locale: 'ZH' });
    chart.setOption(option);
    onRendered?.();
    return () => chart.dispose();
  }, [option, width, height, onRendered]);
  return <div ref={ref} className="echart" role="img" aria-label={label} style={{ width, height }} />;
}
