// Deterministic synthetic GanttData of any size, for the 10,000-row UI test and the
// bench (where the real 15 projects are too few to measure). Never used for real data.
import type { GanttData, GanttProject } from '../../domain/api/gantt';
import { ganttProjectOf } from '../../domain/facts/gantt-project';
import { DEFAULT_LIGHT_THRESHOLDS } from '../../domain/facts/traffic-light';
import { CATEGORIES, MILESTONE_KINDS, type Milestone, type ProgressEntry, type Project, type Site } from '../../domain/model';

const TOWNS = ['夔州街道', '夔门街道', '朱衣镇', '公平镇', '青龙镇', '白帝镇', '草堂镇', '汾河镇', '康乐镇', '永乐镇'];

/** small linear congruential generator, so every run draws the same rows */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticGanttData(count: number, today = '2026-11-29', sitesPerProject = 0): GanttData {
  const rnd = lcg(count);
  const projects: GanttProject[] = [];
  let siteId = 1;
  let msId = 1;
  for (let i = 1; i <= count; i++) {
    const startYear = 2021 + Math.floor(rnd() * 4);
    const endYear = Math.min(2025, startYear + Math.floor(rnd() * 3));
    const refined = rnd() < 0.2;
    const project: Project = {
      id: i,
      planId: 1,
      seq: i,
      seqPrinted: null,
      name: `奉节县第${i}号民政设施建设项目${i % 7 === 0 ? '（含配套道路及附属设施提档升级改造工程）' : ''}`,
      category: CATEGORIES[i % CATEGORIES.length] ?? '养老',
      nature: '新建',
      owner: '奉节县民政局',
      locationText: TOWNS[i % TOWNS.length] ?? '',
      scaleText: '',
      metrics: {},
      investmentYuan: Math.round(100 + rnd() * 9000) * 10_000,
      startYear,
      endYear,
      startDate: refined ? `${startYear}-03-01` : null,
      endDate: refined ? `${endYear}-10-31` : null,
      remark: '',
      responsibleUnit: '',
      leader: '',
      note: '',
    };
    // every stage shows up: 前期工作 at 0 %, finished stages at 100 %, the rest at random
    const kind = i % 6;
    const raw = rnd() < 0.15 ? null : Math.round(rnd() * 100);
    const percent = raw === null ? null : kind === 0 ? 0 : kind === 3 || kind === 4 ? 100 : raw;
    const started = percent !== null && percent > 0;
    const actualStart = started ? `${startYear}-0${1 + Math.floor(rnd() * 9)}-15` : null;
    const actualEnd = percent === 100 ? `${endYear}-11-20` : null;
    const milestones: Milestone[] = [];
    if (actualStart) milestones.push({ id: msId++, projectId: i, siteId: null, kind: '开工', plannedDate: null, actualDate: actualStart });
    milestones.push({
      id: msId++,
      projectId: i,
      siteId: null,
      kind: MILESTONE_KINDS[6],
      plannedDate: `${endYear}-12-01`,
      actualDate: actualEnd,
    });
    const progress: ProgressEntry[] = [];
    if (percent !== null) {
      const stage = kind === 0 ? '前期工作' : kind === 3 ? '竣工验收' : kind === 4 ? '投入使用' : kind === 5 ? '暂停' : '在建';
      progress.push({
        id: i,
        projectId: i,
        siteId: null,
        reportMonth: `${today.slice(0, 4)}-0${1 + (i % 9)}`,
        date: today,
        stage,
        percent,
        description: '',
        investPeriodYuan: 0,
        investCumulativeYuan: Math.round((project.investmentYuan * percent) / 100),
        problems: '',
        author: '',
      });
    }
    const sites: Site[] = [];
    for (let k = 1; k <= sitesPerProject; k++) {
      sites.push({
        id: siteId++,
        projectId: i,
        seq: k,
        town: TOWNS[(i + k) % TOWNS.length] ?? '',
        village: `第${k}社区`,
        address: '',
        scaleText: '',
        budgetYuan: null,
        startYear: null,
        endYear: null,
      });
    }
    projects.push(ganttProjectOf(project, sites, progress, milestones, today, DEFAULT_LIGHT_THRESHOLDS));
  }
  return {
    plan: { id: 1, title: '奉节县民政事业发展“十四五”规划（合成数据）', issuer: '奉节县民政局', startYear: 2021, endYear: 2025 },
    today,
    projects,
  };
}
