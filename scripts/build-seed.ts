// Builds resources/seed/fengjie-14th-plan.json from the plan text itself (key-project list and
// annex 1), so every name, figure and scale text is copied, not retyped.
// Run: npx tsx scripts/build-seed.ts [path/to/plan.txt]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSiteList, placeKind, type PlaceParts } from '../src/domain/location-parser';
import { NATURES, type Nature, type PlaceKind } from '../src/domain/model';
import { seedSchema, type Seed, type SeedProject } from '../src/domain/seed';

const here = path.dirname(fileURLToPath(import.meta.url));
const planFile =
  process.argv[2] ?? path.resolve(here, '../../shared/plan/fengjie-civil-affairs-14th-plan.txt');
const outFile = path.resolve(here, '../resources/seed/fengjie-14th-plan.json');

const lines = readFileSync(planFile, 'utf8').split(/\r?\n/u);

function lineIndex(startsWith: string): number {
  const i = lines.findIndex((l) => l.startsWith(startsWith));
  if (i < 0) throw new Error(`规划文本中找不到“${startsWith}”`);
  return i;
}

/** Table cells are the tab-led lines; an untabbed line continues the cell above ("重大" / "前期"). */
function cells(from: number, to: number): string[] {
  const out: string[] = [];
  for (const line of lines.slice(from, to)) {
    if (line.startsWith('\t')) out.push(line.slice(1).trim());
    else if (line.trim() !== '' && out.length > 0) out[out.length - 1] += line.trim();
  }
  return out;
}

function rows(all: string[], width: number, header: string[], stopAt: string): string[][] {
  if (all.slice(0, width).join('|') !== header.join('|')) {
    throw new Error(`表头不符：${all.slice(0, width).join('|')}`);
  }
  const out: string[][] = [];
  for (let i = width; i < all.length; i += width) {
    if (all[i] === stopAt) break;
    const row = all.slice(i, i + width);
    if (row.length !== width) throw new Error(`表格末行不完整：${row.join('|')}`);
    out.push(row);
  }
  return out;
}

const listStart = lineIndex('奉节县民政事业发展“十四五”重点项目清单');
const annexStart = lineIndex('附件1');
const annexEnd = lineIndex('附件2');

// Key-project list: 序号, 项目名称, 项目建设地, 投资估算（万元）, 备注
const listRows = rows(
  cells(listStart + 1, annexStart),
  5,
  ['序号', '项目名称', '项目建设地', '投资估算（万元）', '备注'],
  '合计（万元）',
);
const remarkBySeq = new Map(listRows.map((r, i) => [i + 1, r[4] ?? '']));

// Annex 1 (the "(前期论证)" under project 12's 建设年限 is untabbed and already in the list's 备注)
const annexCells = lines
  .slice(annexStart + 1, annexEnd)
  .filter((l) => l.startsWith('\t'))
  .map((l) => l.slice(1).trim());
const annexRows = rows(
  annexCells,
  8,
  ['序号', '项目名称', '建设性质', '项目建设主体', '项目建设地', '拟建设规模和建设内容', '投资估算（万元）', '建设年限'],
  '',
);

function category(name: string): string {
  if (/未成年人|儿童/u.test(name)) return '儿童福利与未成年人保护';
  if (/社会组织/u.test(name)) return '社会组织';
  if (/精神康复/u.test(name)) return '精神康复';
  if (/便民服务中心/u.test(name)) return '城乡社区';
  if (/殡仪|殡葬|公墓/u.test(name)) return '殡葬';
  if (/社会福利院|敬老院|养老/u.test(name)) return '养老';
  throw new Error(`无法归类：${name}`);
}

/** The list inside "分别在…，总计/共…" of a scale text (projects 4, 5, 13, 15). */
function listAfterFenbieZai(scaleText: string): string {
  const m = /分别在(.+?)(?:，总计|，?共计?\d)/u.exec(scaleText);
  if (!m?.[1]) throw new Error(`规模文本中没有“分别在…”清单：${scaleText.slice(0, 30)}`);
  return m[1];
}

// Per-site figures, word for word from the scale text ("各中心…", "每个…"); none elsewhere.
const SITE_SCALE: Record<number, string> = {
  5: '设计床位约20-100张',
  10: '150-800m²',
  15: '占地8-10亩',
};

function sitesOf(seq: number, locationText: string, scaleText: string): SeedProject['sites'] {
  // Project 4's addresses (村/社区, 报国路311号) are only in its scale text.
  const list = seq === 4 ? listAfterFenbieZai(scaleText) : locationText;
  const parts: PlaceParts[] = parseSiteList(list);
  const siteScale = SITE_SCALE[seq] ?? '';
  if (!scaleText.includes(siteScale)) {
    throw new Error(`项目${seq}的站点规模“${siteScale}”不在规模文本中`);
  }
  if ([5, 13, 15].includes(seq) && listAfterFenbieZai(scaleText) !== locationText) {
    throw new Error(`项目${seq}的规模文本清单与项目建设地不一致`);
  }
  return parts.map((p) => {
    if (p.town === '') throw new Error(`项目${seq}有站点没有乡镇：${JSON.stringify(p)}`);
    return { town: p.town, village: p.village, address: p.address, scaleText: siteScale };
  });
}

function natureOf(seq: number, text: string): Nature {
  const n = NATURES.find((x) => x === text);
  if (!n) throw new Error(`项目${seq}建设性质无法识别：${text}`);
  return n;
}

const projects: SeedProject[] = annexRows.map((r, i) => {
  const [seqText = '', name = '', nature = '', owner = '', locationText = '', scaleText = '', inv = '', years = ''] = r;
  const seq = i + 1;
  const yearMatch = /^(\d{4})\s*[-—–]\s*(\d{4})$/u.exec(years);
  if (!yearMatch) throw new Error(`项目${seq}建设年限无法识别：${years}`);
  const listRow = listRows[i];
  if (listRow?.[1] !== name || Number(listRow[3]) !== Number(inv) || listRow[2] !== locationText) {
    throw new Error(`项目${seq}在重点项目清单与附件1中不一致`);
  }
  const printedDiffers = seqText !== String(seq);
  return {
    seq,
    seqPrinted: printedDiffers ? seqText : null,
    name,
    category: category(name),
    nature: natureOf(seq, nature),
    owner,
    locationText,
    scaleText,
    investmentWan: Number(inv),
    startYear: Number(yearMatch[1]),
    endYear: Number(yearMatch[2]),
    remark: remarkBySeq.get(seq) ?? '',
    note: printedDiffers ? `附件1原文序号印为“${seqText}”，按顺序应为${seq}` : '',
    sites: sitesOf(seq, locationText, scaleText),
  };
});

// Places named in the plan's body but by no project (第一章: 永安街道香山社区、鱼复街道步云社区 社工服务).
const EXTRA_PLACES: { town: string; village: string }[] = [
  { town: '永安街道', village: '香山社区' },
  { town: '鱼复街道', village: '步云社区' },
  { town: '平安乡', village: '' },
];

function kindOf(name: string): PlaceKind {
  const k = placeKind(name);
  if (!k) throw new Error(`地名无法判断类别：${name}`);
  return k;
}

const towns = new Map<string, Set<string>>();
const addPlace = (town: string, village: string): void => {
  const set = towns.get(town) ?? new Set<string>();
  if (village) set.add(village);
  towns.set(town, set);
};
for (const p of projects) {
  for (const t of parseSiteList(p.locationText)) addPlace(t.town, t.village);
  for (const s of p.sites) addPlace(s.town, s.village);
}
for (const e of EXTRA_PLACES) addPlace(e.town, e.village);

const TOWN_ORDER: PlaceKind[] = ['街道', '镇', '乡'];
const zh = new Intl.Collator('zh-CN');
const places: Seed['places'] = [...towns.entries()]
  .map(([name, villages]) => ({
    name,
    kind: kindOf(name),
    children: [...villages].sort(zh.compare).map((v) => ({ name: v, kind: kindOf(v) })),
  }))
  .sort((a, b) => TOWN_ORDER.indexOf(a.kind) - TOWN_ORDER.indexOf(b.kind) || zh.compare(a.name, b.name));

const seed = seedSchema.parse({
  plan: { title: '奉节县民政事业发展“十四五”规划', issuer: '奉节县民政局', startYear: 2021, endYear: 2025 },
  fundingSources: [
    { code: 'central', name: '中央补助' },
    { code: 'municipal', name: '市级补助' },
    { code: 'lottery', name: '福彩公益金' },
    { code: 'county', name: '县级配套' },
    { code: 'social', name: '社会投资' },
  ],
  places,
  projects,
} satisfies Seed);

writeFileSync(outFile, JSON.stringify(seed, null, 2) + '\n', 'utf8');
const siteCount = projects.reduce((n, p) => n + p.sites.length, 0);
const total = projects.reduce((n, p) => n + p.investmentWan, 0);
console.log(`${outFile}: ${projects.length} projects, ${siteCount} sites, ${total}万元, ${places.length} towns`);
