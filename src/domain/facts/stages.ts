// Construction stages of a progress report (建设阶段), in their usual order.
export const PROGRESS_STAGES = ['前期工作', '在建', '完工', '竣工验收', '投入使用', '暂停', '取消'] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

/**
 * "Finished" (the light 'done'): one of these stages, or 100 %, or an actual 竣工验收
 * date. 完工 counts: the works are done, acceptance is paperwork the light need not wait for.
 */
export const FINISHED_STAGES: readonly string[] = ['完工', '竣工验收', '投入使用'];

/** Stages that may lower the percent (a suspended or cancelled job can be re-measured). */
export const STOP_STAGES: readonly string[] = ['暂停', '取消'];

/** Stages that mean work has begun on site, whatever the percent says. */
export const WORKING_STAGES: readonly string[] = ['在建', '完工', '竣工验收', '投入使用'];

export const CANCELLED_STAGE = '取消';

export function isProgressStage(s: string): s is ProgressStage {
  return (PROGRESS_STAGES as readonly string[]).includes(s);
}

/** Order for sorting and grouping: the stages in order, other (older, free-text) stages after, unknown last. */
export function stageRank(stage: string | null): number {
  if (stage === null || stage === '') return PROGRESS_STAGES.length + 1;
  const i = (PROGRESS_STAGES as readonly string[]).indexOf(stage);
  return i < 0 ? PROGRESS_STAGES.length : i;
}
