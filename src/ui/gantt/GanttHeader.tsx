// The time header: one band per header row of the zoom level (2023年 / 一季度 / 3月).
import { memo } from 'react';
import type { HeaderCell } from './scale';

/** memoised: the header does not change while scrolling */
export const GanttHeader = memo(function GanttHeader({
  rows,
  width,
  rowPx,
  todayX,
}: {
  rows: HeaderCell[][];
  width: number;
  rowPx: number;
  todayX: number | null;
}) {
  return (
    <div className="gantt-timehead" style={{ width, height: rows.length * rowPx }}>
      {rows.map((cells, r) => (
        <div key={r} className="gantt-timehead-row" style={{ top: r * rowPx, height: rowPx }}>
          {cells.map((c) => (
            <div key={c.unitStart} className="gantt-timehead-cell" style={{ left: c.x, width: c.width }} title={c.label}>
              {c.width >= 18 ? c.label : ''}
            </div>
          ))}
        </div>
      ))}
      {todayX !== null && <div className="gantt-today-mark" style={{ left: todayX }} title="今天" />}
    </div>
  );
});
