// One project's row in the register. Memoised: a scroll or a keystroke re-renders only the rows
// whose props changed (onToggle is stable, so an unchanged row is skipped).
import { memo } from 'react';
import type { RegisterRow } from '../../domain/api/register';
import { TOWN_SHARE_NOTE } from '../../domain/dashboard/town-share';
import { formatWan } from '../../domain/money';
import { windowLabel } from '../../domain/schedule';
import { percentLabel } from '../percent-label';
import { ExpandableText } from './ExpandableText';
import { LightTag } from './LightTag';
import { townShareOf } from '../../domain/register-totals';

export interface ProjectRowProps {
  row: RegisterRow;
  /** position in the shown order (keyboard moves and measuring find rows by it) */
  index: number;
  town: string;
  expanded: boolean;
  onToggle: (id: number) => void;
  /** roving tabindex: 0 for the one row Tab reaches, -1 for the others */
  tabIndex: 0 | -1;
  /** aria-rowindex in a windowed table (undefined when every row is drawn) */
  ariaRowIndex?: number | undefined;
}

export const ProjectRowView = memo(function ProjectRowView({ row, index, town, expanded, onToggle, tabIndex, ariaRowIndex }: ProjectRowProps) {
  return (
    <tr className="project-row" data-testid="project-row" data-seq={row.seq} data-index={index} tabIndex={tabIndex} aria-rowindex={ariaRowIndex}>
      <td className="col-expand">
        <button
          type="button"
          className="expander"
          aria-expanded={expanded}
          aria-label={`${expanded ? '收起' : '展开'}${row.name}的建设点`}
          onClick={() => onToggle(row.id)}
        >
          {expanded ? '▾' : '▸'}
        </button>
      </td>
      <td className="num">{row.seq}</td>
      <td className="col-name">
        <a href={`#/project/${row.id}`} className="project-link">
          {row.name}
        </a>
        {row.siteCount > 1 && (
          <span className="chip">
            {town === '' ? `${row.siteCount} 个建设点` : `本镇 ${row.townShares.find((t) => t.town === town)?.siteCount ?? 0}/${row.siteCount} 个建设点`}
          </span>
        )}
      </td>
      <td>{row.category}</td>
      <td>{row.nature}</td>
      <td className="col-loc">
        <ExpandableText text={row.locationText} label="建设地" />
      </td>
      <td className="col-scale">
        <ExpandableText text={row.scaleText} label="规模" />
      </td>
      {town === '' ? (
        <td className="num money">{formatWan(row.investmentYuan)}</td>
      ) : (
        // a town filter shows the town's share, never the whole project as the town's
        <td className="num" title={TOWN_SHARE_NOTE}>
          <span className="money" data-testid="town-share">
            {formatWan(townShareOf(row, town))}
          </span>
          <span className="reg-note">本镇分摊</span>
          <span className="reg-note" data-testid="project-investment">
            涉及项目总投资 {formatWan(row.investmentYuan)}
          </span>
        </td>
      )}
      <td className="reg-years">{windowLabel(row)}</td>
      <td className="num" title={row.facts.lastReportMonth ? `报告期 ${row.facts.lastReportMonth}` : '未填报'}>
        {percentLabel(row.facts.percent)}
        {row.facts.stage && <span className="reg-stage">{row.facts.stage}</span>}
      </td>
      <td>
        <LightTag light={row.facts.light} reason={row.facts.lightReason} />
      </td>
      <td>{row.remark && <span className={`tag tag-${row.remark === '重大前期' ? 'major' : 'pre'}`}>{row.remark}</span>}</td>
    </tr>
  );
});
