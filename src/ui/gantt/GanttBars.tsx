// One row's bars: the planned window (dashed ends where only the year is known), the
// percent fill, the actual bar, the overdue tail up to today, and milestone diamonds.
import type { TrafficLight } from '../../domain/facts/traffic-light';
import type { BarLayout } from './layout';

export function GanttBars({ bars, light, height }: { bars: BarLayout; light: TrafficLight; height: number }) {
  const { planned, actual, overdue } = bars;
  const plannedClass = [
    'gantt-bar-planned',
    `light-${light}`,
    planned?.startYearOnly && planned.endYearOnly ? 'year-only' : '',
    planned?.startYearOnly ? 'year-start' : '',
    planned?.endYearOnly ? 'year-end' : '',
    planned?.clippedLeft ? 'clip-left' : '',
    planned?.clippedRight ? 'clip-right' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const mid = height / 2;
  return (
    <>
      {overdue && <div className="gantt-bar-overdue" style={{ left: overdue.x, width: overdue.width }} />}
      {planned && (
        <div className={plannedClass} style={{ left: planned.x, width: planned.width }}>
          {bars.progressWidth > 0 && <div className="gantt-bar-fill" style={{ width: bars.progressWidth }} />}
        </div>
      )}
      {actual && (
        <div
          className={`gantt-bar-actual${actual.running ? ' running' : ''}`}
          style={{ left: actual.x, width: Math.max(2, actual.width) }}
        />
      )}
      {bars.milestones.map((m, i) => (
        <div
          key={`${m.kind}${i}`}
          className={`gantt-milestone${m.done ? ' done' : ''}`}
          style={{ left: m.x, top: mid }}
          title={`${m.kind} ${m.date}${m.done ? '（实际）' : '（计划）'}`}
        />
      ))}
    </>
  );
}
