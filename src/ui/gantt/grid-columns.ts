// The screen Gantt's left grid: its columns, their widths (resizable, remembered in
// localStorage) and the collapsed state (only 序号 and 名称 shown). Pure, but for the
// two storage helpers, which take the Storage so tests can pass their own.
export const COLUMN_KEYS = ['seq', 'name', 'invest', 'period', 'percent'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface ColumnSpec {
  key: ColumnKey;
  title: string;
  width: number;
  min: number;
  max: number;
}

export const GRID_COLUMNS: readonly ColumnSpec[] = [
  { key: 'seq', title: '序号', width: 44, min: 32, max: 96 },
  { key: 'name', title: '名称', width: 232, min: 96, max: 640 },
  { key: 'invest', title: '投资估算（万元）', width: 120, min: 56, max: 200 },
  { key: 'period', title: '建设年限', width: 96, min: 56, max: 180 },
  { key: 'percent', title: '进度', width: 52, min: 40, max: 120 },
];

export type ColumnWidths = Record<ColumnKey, number>;

export interface GridPrefs {
  widths: ColumnWidths;
  /** only 序号 and 名称 are shown */
  collapsed: boolean;
}

export interface ShownColumn {
  key: ColumnKey;
  title: string;
  width: number;
  min: number;
  max: number;
}

/** keyboard step of a resize handle, px */
export const RESIZE_STEP = 16;
export const GRID_PREFS_KEY = 'gantt.gridColumns';

function specOf(key: ColumnKey): ColumnSpec {
  const spec = GRID_COLUMNS.find((c) => c.key === key);
  if (!spec) throw new RangeError(`未知列：${key}`);
  return spec;
}

export function defaultPrefs(): GridPrefs {
  const w = (key: ColumnKey): number => specOf(key).width;
  return { widths: { seq: w('seq'), name: w('name'), invest: w('invest'), period: w('period'), percent: w('percent') }, collapsed: false };
}

export function clampWidth(key: ColumnKey, width: number): number {
  const { min, max } = specOf(key);
  return Math.round(Math.min(max, Math.max(min, width)));
}

export function setColumnWidth(prefs: GridPrefs, key: ColumnKey, width: number): GridPrefs {
  const w = clampWidth(key, width);
  return w === prefs.widths[key] ? prefs : { ...prefs, widths: { ...prefs.widths, [key]: w } };
}

export function shownColumns(prefs: GridPrefs): ShownColumn[] {
  return GRID_COLUMNS.filter((c) => !prefs.collapsed || c.key === 'seq' || c.key === 'name').map((c) => ({
    key: c.key,
    title: c.title,
    width: prefs.widths[c.key],
    min: c.min,
    max: c.max,
  }));
}

export function gridWidthOf(columns: readonly ShownColumn[]): number {
  return columns.reduce((w, c) => w + c.width, 0);
}

/** Stored prefs, each width clamped; anything unreadable falls back to the defaults. */
export function parsePrefs(raw: string | null): GridPrefs {
  const prefs = defaultPrefs();
  if (!raw) return prefs;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return prefs;
    const widths: unknown = Reflect.get(parsed, 'widths');
    if (typeof widths === 'object' && widths !== null) {
      for (const key of COLUMN_KEYS) {
        const w: unknown = Reflect.get(widths, key);
        if (typeof w === 'number' && Number.isFinite(w)) prefs.widths[key] = clampWidth(key, w);
      }
    }
    prefs.collapsed = Reflect.get(parsed, 'collapsed') === true;
    return prefs;
  } catch {
    return prefs;
  }
}

export function loadPrefs(storage: Pick<Storage, 'getItem'> | undefined): GridPrefs {
  try {
    return parsePrefs(storage?.getItem(GRID_PREFS_KEY) ?? null);
  } catch {
    return defaultPrefs();
  }
}

export function savePrefs(storage: Pick<Storage, 'setItem'> | undefined, prefs: GridPrefs): void {
  try {
    storage?.setItem(GRID_PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // storage full or disabled: the widths just are not remembered
  }
}
