// `register.columns`: the register's rows (`register.rows`) in a compact wire form, one array
// per field instead of 10,000 objects repeating every key, and the strings that recur from row
// to row (category, owner, stage, light reason, town, a repeated 规模 or site text…) sent once.
// The browser's download and JSON parse shrink with the bytes (the 10,000-project fixture:
// 7.8 MB → 2.5 MB); the page turns it back into the very same RegisterRow objects
// (unpackRegisterRows) in one pass.
import type { TrafficLight } from '../facts/traffic-light';
import type { RegisterRow, RegisterRows, RegisterSummary } from './register';

/** A column of recurring values: each distinct value once, and per row the index of its value. */
export interface Coded<T> {
  values: T[];
  at: number[];
}

/** One array per row field, every array in row order. */
export interface RowColumns {
  id: number[];
  seq: number[];
  name: string[];
  category: Coded<string>;
  nature: Coded<string>;
  owner: Coded<string>;
  locationText: Coded<string>;
  scaleText: Coded<string>;
  investmentYuan: number[];
  startYear: number[];
  endYear: number[];
  startDate: (string | null)[];
  endDate: (string | null)[];
  remark: Coded<string>;
  siteCount: number[];
  percent: (number | null)[];
  stage: Coded<string | null>;
  light: Coded<TrafficLight>;
  lightReason: Coded<string>;
  lastReportMonth: Coded<string | null>;
  completedInvestmentYuan: number[];
  /** every town name a row's towns or town shares name */
  townNames: string[];
  /** per row, its towns as indexes into townNames */
  towns: number[][];
  /** per row, its town shares flattened: [town index, shareYuan, siteCount, …] */
  townShares: number[][];
  /** every distinct site text once */
  siteTextValues: string[];
  /** per row, its site texts as indexes into siteTextValues */
  siteTexts: number[][];
}

export interface RegisterColumns extends RegisterSummary {
  rows: RowColumns;
}

/** A value's index in `values`, appending it the first time (a Map, so packing stays one pass). */
function dictionary<T>(values: T[]): (v: T) => number {
  const index = new Map<T, number>();
  return (v) => {
    let k = index.get(v);
    if (k === undefined) {
      k = values.length;
      values.push(v);
      index.set(v, k);
    }
    return k;
  };
}

function code<T>(rows: readonly RegisterRow[], get: (r: RegisterRow) => T): Coded<T> {
  const values: T[] = [];
  const indexOf = dictionary(values);
  return { values, at: rows.map((r) => indexOf(get(r))) };
}

export function packRegisterRows({ projects: rows, ...summary }: RegisterRows): RegisterColumns {
  const townNames: string[] = [];
  const town = dictionary(townNames);
  const siteTextValues: string[] = [];
  const siteText = dictionary(siteTextValues);
  const columns: RowColumns = {
    id: rows.map((r) => r.id),
    seq: rows.map((r) => r.seq),
    name: rows.map((r) => r.name),
    category: code(rows, (r) => r.category),
    nature: code(rows, (r) => r.nature),
    owner: code(rows, (r) => r.owner),
    locationText: code(rows, (r) => r.locationText),
    scaleText: code(rows, (r) => r.scaleText),
    investmentYuan: rows.map((r) => r.investmentYuan),
    startYear: rows.map((r) => r.startYear),
    endYear: rows.map((r) => r.endYear),
    startDate: rows.map((r) => r.startDate),
    endDate: rows.map((r) => r.endDate),
    remark: code(rows, (r) => r.remark),
    siteCount: rows.map((r) => r.siteCount),
    percent: rows.map((r) => r.facts.percent),
    stage: code(rows, (r) => r.facts.stage),
    light: code(rows, (r) => r.facts.light),
    lightReason: code(rows, (r) => r.facts.lightReason),
    lastReportMonth: code(rows, (r) => r.facts.lastReportMonth),
    completedInvestmentYuan: rows.map((r) => r.facts.completedInvestmentYuan),
    towns: rows.map((r) => r.towns.map(town)),
    townShares: rows.map((r) => r.townShares.flatMap((s) => [town(s.town), s.shareYuan, s.siteCount])),
    townNames,
    siteTexts: rows.map((r) => r.siteTexts.map(siteText)),
    siteTextValues,
  };
  return { ...summary, rows: columns };
}

/** A malformed answer is a bug between our own two ends: fail loudly rather than show wrong rows. */
function at<T>(xs: readonly T[], i: number): T {
  const v = xs[i];
  if (v === undefined) throw new Error(`register.columns: no value at ${i}`);
  return v;
}

const decoded = <T>(c: Coded<T>, i: number): T => at(c.values, at(c.at, i));

export function unpackRegisterRows({ rows, ...summary }: RegisterColumns): RegisterRows {
  const {
    id, seq, name, category, nature, owner, locationText, scaleText, investmentYuan, startYear, endYear, startDate, endDate, remark,
    siteCount, percent, stage, light, lightReason, lastReportMonth, completedInvestmentYuan, townNames, towns, townShares, siteTextValues, siteTexts,
  } = rows;
  const projects = new Array<RegisterRow>(id.length);
  for (let i = 0; i < id.length; i++) {
    const shares = at(townShares, i);
    const rowShares: RegisterRow['townShares'] = [];
    for (let k = 0; k + 2 < shares.length; k += 3) {
      rowShares.push({ town: at(townNames, at(shares, k)), shareYuan: at(shares, k + 1), siteCount: at(shares, k + 2) });
    }
    projects[i] = {
      id: at(id, i),
      seq: at(seq, i),
      name: at(name, i),
      category: decoded(category, i),
      nature: decoded(nature, i),
      owner: decoded(owner, i),
      locationText: decoded(locationText, i),
      scaleText: decoded(scaleText, i),
      investmentYuan: at(investmentYuan, i),
      startYear: at(startYear, i),
      endYear: at(endYear, i),
      // null is a value here (no date): read past at(), which refuses only a missing entry
      startDate: startDate[i] ?? null,
      endDate: endDate[i] ?? null,
      remark: decoded(remark, i),
      siteCount: at(siteCount, i),
      towns: at(towns, i).map((k) => at(townNames, k)),
      facts: {
        percent: percent[i] ?? null,
        stage: stage.values[at(stage.at, i)] ?? null,
        light: decoded(light, i),
        lightReason: decoded(lightReason, i),
        lastReportMonth: lastReportMonth.values[at(lastReportMonth.at, i)] ?? null,
        completedInvestmentYuan: at(completedInvestmentYuan, i),
      },
      townShares: rowShares,
      siteTexts: at(siteTexts, i).map((k) => at(siteTextValues, k)),
    };
  }
  return { ...summary, projects };
}
