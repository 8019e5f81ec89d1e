// Deterministic synthetic GanttData of any size, for the 10,000-row UI test and the
// bench (where the real 15 projects are too few to measure). Never used for real data.
import { CATEGORIES, MILESTONE_KINDS, type Milestone, type Project } from '../../domain/model';
import { trafficLight } from '../../domain/schedule';
import type { GanttData, GanttProject, GanttSite } from '../../domain/api/gantt';

const TOWNS = ['夔州街道', '夔门街道', '朱衣镇', '公平镇', '青龙镇', '白帝镇', '草堂镇', '汾河镇', '康乐镇', '永乐镇'];
const STAGES = ['前期', '招标', '在建', '主体完工', '竣工验收', ''];

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
    const percent = rnd() < 0.15 ? null : Math.round(rnd() * 100);
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
    const sites: GanttSite[] = [];
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
        percent,
      });
    }
    projects.push({
      project,
      sites,
      milestones,
      percent,
      actualStart,
      actualEnd,
      stage: STAGES[i % STAGES.length] ?? '',
      light: trafficLight(project, today, percent),
    });
  }
  return {
    plan: { id: 1, title: '奉节县民政事业发展“十四五”规划（合成数据）', issuer: '奉节县民政局', startYear: 2021, endYear: 2025 },
    today,
    projects,
  };
}
