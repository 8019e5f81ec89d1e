// Model types shared by every layer. Money is integer 元; dates are ISO `YYYY-MM-DD`.

export type IsoDate = string;

/** A parsed quantity from the annex's scale text; ranges and "约" are kept, never rounded away. */
export interface Quantity {
  min: number;
  max: number;
  approx: boolean;
  /** true when the figure is per site ("每个150-800m²"), not a total */
  each: boolean;
  /** the words the figure came from, e.g. "约27300m²" */
  source: string;
}

export interface ScaleMetrics {
  landAreaM2?: Quantity;
  landAreaMu?: Quantity;
  floorAreaM2?: Quantity;
  beds?: Quantity;
  gravePlots?: Quantity;
  halls?: Quantity;
}

export const NATURES = ['新建', '扩建', '改扩建'] as const;
export type Nature = (typeof NATURES)[number];

export function isNature(s: string): s is Nature {
  return (NATURES as readonly string[]).includes(s);
}

export const CATEGORIES = [
  '养老',
  '儿童福利与未成年人保护',
  '社会组织',
  '精神康复',
  '城乡社区',
  '殡葬',
] as const;

export const REMARKS = ['', '重大前期', '前期论证'] as const;

export interface Plan {
  id: number;
  title: string;
  issuer: string;
  startYear: number;
  endYear: number;
}

export interface Project {
  id: number;
  planId: number;
  seq: number;
  /** 序号 as printed in the source when it differs from seq (the annex prints "115" for 15) */
  seqPrinted: string | null;
  name: string;
  category: string;
  nature: string;
  owner: string;
  locationText: string;
  scaleText: string;
  metrics: ScaleMetrics;
  investmentYuan: number;
  startYear: number;
  endYear: number;
  /** refinements of the year window once real dates are known */
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  remark: string;
  responsibleUnit: string;
  leader: string;
  note: string;
}

export interface Site {
  id: number;
  projectId: number;
  seq: number;
  town: string;
  village: string;
  address: string;
  scaleText: string;
  budgetYuan: number | null;
  startYear: number | null;
  endYear: number | null;
}

export type PlaceKind = '镇' | '乡' | '街道' | '村' | '社区';

export interface Place {
  id: number;
  parentId: number | null;
  name: string;
  kind: PlaceKind;
}

export interface FundingSource {
  id: number;
  code: string;
  name: string;
  sort: number;
}

export const FUNDING_KINDS = ['planned', 'arrived', 'paid'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

export interface Funding {
  id: number;
  projectId: number;
  sourceId: number;
  year: number;
  kind: FundingKind;
  amountYuan: number;
}

export interface ProgressEntry {
  id: number;
  projectId: number;
  siteId: number | null;
  /** 报告期: the month the report is about, 'YYYY-MM' */
  reportMonth: string;
  /** the date it was entered */
  date: IsoDate;
  stage: string;
  percent: number;
  description: string;
  investPeriodYuan: number;
  investCumulativeYuan: number;
  problems: string;
  author: string;
}

export const MILESTONE_KINDS = [
  '立项',
  '可研批复',
  '初设及概算批复',
  '招标',
  '开工',
  '主体完工',
  '竣工验收',
  '竣工决算',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export interface Milestone {
  id: number;
  projectId: number;
  siteId: number | null;
  kind: MilestoneKind;
  plannedDate: IsoDate | null;
  actualDate: IsoDate | null;
}

export type Door = 'ui' | 'import' | 'cli';

export interface ChangeLogEntry {
  id: number;
  at: string;
  user: string;
  door: Door;
  entity: string;
  entityId: number;
  projectId: number | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  batchId: string;
  undoneBy: number | null;
  /** this row was written by an undo (the backend's one rule; the UI never parses batch ids) */
  isUndo: boolean;
}
