// Rules a project must satisfy as a whole (cross-field), beyond each field's own schema.
import { isValid, parseISO } from 'date-fns';
import type { Issue } from './api/errors';
import type { Project } from './model';

type Checked = Pick<Project, 'name' | 'investmentYuan' | 'startYear' | 'endYear' | 'startDate' | 'endDate'>;

function badDate(d: string | null): boolean {
  return d !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !isValid(parseISO(d)));
}

export function projectIssues(p: Checked): Issue[] {
  const issues: Issue[] = [];
  if (!p.name.trim()) issues.push({ field: 'name', message: '项目名称不能为空' });
  if (!Number.isInteger(p.investmentYuan) || p.investmentYuan < 0)
    issues.push({ field: 'investmentYuan', message: '投资估算应为不小于 0 的金额' });
  if (p.endYear < p.startYear)
    issues.push({ field: 'endYear', message: `结束年份 ${p.endYear} 早于开始年份 ${p.startYear}` });
  if (badDate(p.startDate)) issues.push({ field: 'startDate', message: `开始日期 ${p.startDate} 不是有效日期` });
  if (badDate(p.endDate)) issues.push({ field: 'endDate', message: `结束日期 ${p.endDate} 不是有效日期` });
  if (p.startDate && p.endDate && !badDate(p.startDate) && !badDate(p.endDate) && p.endDate < p.startDate)
    issues.push({ field: 'endDate', message: `结束日期 ${p.endDate} 早于开始日期 ${p.startDate}` });
  return issues;
}
