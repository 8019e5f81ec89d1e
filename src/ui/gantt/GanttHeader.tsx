// The time header: one band per header row of the zoom level (2023年 / 一季度 / 3月).
// The coarse row's labels (the year above months or quarters) are sticky, so the year
// stays in sight while a long year scrolls past.
import { memo } from 'react';
import type { HeaderCell } from './scale';

/** memoised: the header does not change while scrolling */
export const GanttHeader = memo(function GanttHeader({
  rows,
  width,
  rowPx,
  todayX,
  stickyLeft = 0,
}: {
  rows: HeaderCell[][];
  width: number;
  rowPx: number;
  todayX: number | null;
  /** the sticky grid's width: a year label stays readable right of it while scrolling */
  stickyLeft?: number;
}) {
  return (
    <div className="gantt-timehead" style={{ width, height: rows.length * rowPx }}>
      {rows.map((cells, r) => (
        <div key={r} className="gantt-timehead-row" style={{ top: r * rowPx, height: rowPx }}>
          {cells.map((c) => (
            <div key={c.unitStart} className="gantt-timehead-cell" style={{ left: c.x, width: c.width }} title={c.label}>
              {c.width >= 18 ? (
                <span className="gantt-timehead-label" style={r === 0 && rows.length > 1 ? { left: stickyLeft + 6 } : undefined}>
                  {c.label}
                </span>
              ) : (
                ''
              )}
            </div>
          ))}
        </div>
      ))}
      {todayX !== null && <div className="gantt-today-mark" style={{ left: todayX }} title="今天" />}
    </div>
  );
});
