// Key figures of the row under the pointer (or the focused row). Measured after each
// render and placed by tooltip-place.ts, so it stays inside the window at its own size.
import { useLayoutEffect, useRef, useState } from 'react';
import { formatWan } from '../../domain/money';
import { LIGHT_LABELS } from '../../domain/facts/traffic-light';
import { windowLabelExact } from '../../domain/schedule';
import { percentLabel } from '../percent-label';
import type { ItemRow } from './rows';
import { placeTooltip } from './tooltip-place';

export interface TooltipState {
  row: ItemRow;
  /** row index, for the hover highlight */
  index: number;
  x: number;
  y: number;
}

export function GanttTooltip({ tip }: { tip: TooltipState }) {
  const { row } = tip;
  const done = row.milestones.filter((m) => m.actualDate !== null);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const next = placeTooltip(
      { x: tip.x, y: tip.y },
      { width: el.offsetWidth, height: el.offsetHeight },
      { width: window.innerWidth, height: window.innerHeight },
    );
    setPos((p) => (p && p.left === next.left && p.top === next.top ? p : next));
  }, [tip.x, tip.y, row]);
  return (
    <div
      ref={ref}
      id="gantt-tooltip"
      className="gantt-tooltip"
      role="tooltip"
      style={pos ? { left: pos.left, top: pos.top } : { left: 0, top: 0, visibility: 'hidden' }}
    >
      <div className="gantt-tooltip-title">{row.name}</div>
      <dl>
        <dt>投资估算</dt>
        <dd>{row.investmentYuan === null ? '—' : `${formatWan(row.investmentYuan)} 万元`}</dd>
        <dt>建设年限</dt>
        <dd>{windowLabelExact(row.window)}</dd>
        <dt>形象进度</dt>
        <dd>{percentLabel(row.percent)}</dd>
        <dt>状态</dt>
        <dd className={`tip-light light-text-${row.light}`}>
          {LIGHT_LABELS[row.light]}：{row.lightReason}
        </dd>
        <dt>阶段</dt>
        <dd>{row.stage}</dd>
        <dt>实际工期</dt>
        <dd>{row.actualStart ? `${row.actualStart} 至 ${row.actualEnd ?? '今'}` : '未开工'}</dd>
        {row.kind === 'project' && (
          <>
            <dt>建设地点</dt>
            <dd>{row.location}</dd>
          </>
        )}
        {done.length > 0 && (
          <>
            <dt>里程碑</dt>
            <dd>{done.map((m) => `${m.kind} ${m.actualDate ?? ''}`).join('；')}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
