// Chinese names of the tables a change_log row can name: the history table and undo labels say them.
const ENTITY_LABELS: Readonly<Record<string, string>> = {
  plan: '规划',
  project: '项目',
  site: '建设点',
  progress: '进度记录',
  milestone: '里程碑',
  funding: '资金记录',
  funding_source: '资金来源',
  setting: '设置',
};

/** "site" → "建设点"; an unknown table keeps its own name. */
export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}
