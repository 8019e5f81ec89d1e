// Legend of colours and marks, on screen and on every printed page.
import { LIGHT_LABELS, type TrafficLight } from '../../domain/facts/traffic-light';
import { STATUS_MARKS } from './print-layout';

const LIGHTS: readonly TrafficLight[] = ['done', 'green', 'yellow', 'red', 'grey'];

/** `marks`: prefix each status with its shape (✖▲●✔○), for black-and-white prints */
export function GanttLegend({ compact = false, marks = false }: { compact?: boolean; marks?: boolean }) {
  return (
    <div className={`gantt-legend${compact ? ' compact' : ''}`} aria-label="图例">
      {LIGHTS.map((l) => (
        <span key={l} className="gantt-legend-item">
          <span className={`gantt-legend-swatch light-${l}`} />
          {marks && <span className={`gantt-legend-mark status-${l}`}>{STATUS_MARKS[l].mark}</span>}
          {LIGHT_LABELS[l]}
        </span>
      ))}
      <span className="gantt-legend-item">
        <span className="gantt-legend-swatch legend-year" />
        虚线：仅知年份
      </span>
      <span className="gantt-legend-item">
        <span className="gantt-legend-swatch legend-fill" />
        完成进度
      </span>
      <span className="gantt-legend-item">
        <span className="gantt-legend-swatch legend-actual" />
        实际工期
      </span>
      <span className="gantt-legend-item">
        <span className="gantt-legend-swatch legend-overdue" />
        超期
      </span>
      <span className="gantt-legend-item">
        <span className="gantt-legend-diamond done" />
        里程碑（实心已完成）
      </span>
      <span className="gantt-legend-item">
        <span className="gantt-legend-today" />
        今天
      </span>
    </div>
  );
}
