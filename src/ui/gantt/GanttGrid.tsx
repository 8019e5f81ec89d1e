// The left grid of the screen Gantt: 序号, 名称, 投资估算（万元）, 建设年限, 进度.
import { formatWan } from '../../domain/money';
import { windowLabel } from '../../domain/schedule';
import type { GanttRow } from './rows';

export const GRID_COLUMNS = [
  { key: 'seq', title: '序号', width: 52 },
  { key: 'name', title: '名称', width: 268 },
  { key: 'invest', title: '投资估算（万元）', width: 112 },
  { key: 'period', title: '建设年限', width: 92 },
  { key: 'percent', title: '进度', width: 56 },
] as const;

export const GRID_WIDTH = GRID_COLUMNS.reduce((w, c) => w + c.width, 0);

export function percentLabel(p: number | null): string {
  return p === null ? '—' : `${p}%`;
}

export function GridHead({ height }: { height: number }) {
  return (
    <div className="gantt-grid gantt-grid-head" style={{ width: GRID_WIDTH, height }} role="row">
      {GRID_COLUMNS.map((c) => (
        <div key={c.key} className={`gantt-cell gantt-col-${c.key}`} style={{ width: c.width }} role="columnheader">
          {c.title}
        </div>
      ))}
    </div>
  );
}

export function GridCells({
  row,
  onToggle,
  onToggleGroup,
}: {
  row: GanttRow;
  onToggle: (projectId: number) => void;
  onToggleGroup?: (key: string) => void;
}) {
  if (row.kind === 'group') {
    return (
      <div className="gantt-grid" style={{ width: GRID_WIDTH }}>
        <div className="gantt-cell gantt-group-label" style={{ width: GRID_WIDTH - GRID_COLUMNS[4].width - GRID_COLUMNS[3].width }}>
          {onToggleGroup && (
            <button
              type="button"
              className="gantt-toggle"
              aria-expanded={!row.collapsed}
              aria-label={row.collapsed ? `展开${row.label}` : `收起${row.label}`}
              onClick={(e) => {
                e.stopPropagation();
                onToggleGroup(row.key);
              }}
            >
              {row.collapsed ? '▸' : '▾'}
            </button>
          )}
          {row.label}
          <span className="gantt-group-count">（{row.projectCount}项，{formatWan(row.investmentYuan)}万元）</span>
        </div>
      </div>
    );
  }
  const [seq, name, invest, period, percent] = GRID_COLUMNS;
  return (
    <div className="gantt-grid" style={{ width: GRID_WIDTH }}>
      <div className="gantt-cell gantt-col-seq" style={{ width: seq.width }}>
        {row.seqLabel}
      </div>
      <div className="gantt-cell gantt-col-name" style={{ width: name.width }} title={row.name}>
        {row.kind === 'project' && row.siteCount > 0 ? (
          <button
            type="button"
            className="gantt-toggle"
            aria-expanded={row.expanded}
            aria-label={row.expanded ? '收起站点' : `展开 ${row.siteCount} 个站点`}
            onClick={(e) => {
              e.stopPropagation();
              onToggle(row.projectId);
            }}
          >
            {row.expanded ? '▾' : '▸'}
          </button>
        ) : (
          <span className="gantt-toggle-space" />
        )}
        <span className="gantt-name-text">{row.name}</span>
      </div>
      <div className="gantt-cell gantt-col-invest" style={{ width: invest.width }}>
        {row.investmentYuan === null ? '—' : formatWan(row.investmentYuan)}
      </div>
      <div className="gantt-cell gantt-col-period" style={{ width: period.width }}>
        {windowLabel(row.window)}
      </div>
      <div className="gantt-cell gantt-col-percent" style={{ width: percent.width }}>
        {percentLabel(row.percent)}
      </div>
    </div>
  );
}
