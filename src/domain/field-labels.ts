// Chinese labels of project fields: used by forms, history, import previews and the CLI.
import type { Project } from './model';

export const PROJECT_FIELD_LABELS = {
  seq: '序号',
  seqPrinted: '原文序号',
  name: '项目名称',
  category: '类别',
  nature: '建设性质',
  owner: '项目建设主体',
  locationText: '项目建设地',
  scaleText: '拟建设规模和建设内容',
  metrics: '规模指标',
  investmentYuan: '投资估算（万元）',
  startYear: '开始年份',
  endYear: '结束年份',
  startDate: '计划开工日期',
  endDate: '计划完工日期',
  remark: '备注',
  responsibleUnit: '责任单位',
  leader: '责任人',
  note: '说明',
} as const satisfies Record<Exclude<keyof Project, 'id' | 'planId'>, string>;

export function fieldLabel(field: string): string {
  return field in PROJECT_FIELD_LABELS ? PROJECT_FIELD_LABELS[field as keyof typeof PROJECT_FIELD_LABELS] : field;
}
