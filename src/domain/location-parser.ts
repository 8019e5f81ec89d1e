// Splits the annex's place texts ("公平镇车家社区", "公平镇万民村、长龙村，五马镇高榜村") into
// town / village / address parts. Pure; used by the seed script and by importers.
import type { PlaceKind } from './model';

export interface PlaceParts {
  /** 镇 / 乡 / 街道 (incl. 民族乡 such as 太和土家族乡), '' when the text names none */
  town: string;
  /** 村 / 社区, '' when none */
  village: string;
  /** whatever follows and is neither, e.g. "报国路311号" */
  address: string;
}

// Shortest name ending in a town suffix; 民族乡 such as 太和土家族乡 end in 乡 too.
const TOWN_RE = /^(.+?(?:街道|镇|乡))(.*)$/u;
const VILLAGE_END_RE = /(?:村|社区)$/u;
// "下坝村3组", "红旗村五社": a village followed by a 组/社/号 address
const VILLAGE_THEN_ADDRESS_RE = /^(.+?(?:社区|村))([0-9一二三四五六七八九十]+(?:组|社|号).*)$/u;

/** Kind of an administrative place from its name's suffix (民族乡 counts as 乡); null if none fits. */
export function placeKind(name: string): PlaceKind | null {
  if (name.endsWith('街道')) return '街道';
  if (name.endsWith('镇')) return '镇';
  if (name.endsWith('乡')) return '乡';
  if (name.endsWith('社区')) return '社区';
  if (name.endsWith('村')) return '村';
  return null;
}

function splitVillage(rest: string): { village: string; address: string } {
  if (rest === '') return { village: '', address: '' };
  if (VILLAGE_END_RE.test(rest)) return { village: rest, address: '' };
  const m = VILLAGE_THEN_ADDRESS_RE.exec(rest);
  if (m?.[1] && m[2]) return { village: m[1], address: m[2] };
  return { village: '', address: rest };
}

/** "公平镇车家社区" → { town: "公平镇", village: "车家社区", address: "" }. */
export function splitPlace(text: string): PlaceParts {
  const t = text.trim().replace(/[。.]$/u, '');
  const m = TOWN_RE.exec(t);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    const rest = m[2];
    // "新镇村" is a village whose name holds 镇, not town "新镇" + nameless "村"
    if (rest !== '村' && rest !== '社区') return { town: m[1], ...splitVillage(rest) };
  }
  return { town: '', ...splitVillage(t) };
}

/**
 * A list of places as the annex writes them: items joined by "、", groups by "，".
 * A town applies to the villages that follow it until the next "，" (or a new town).
 * "公平镇万民村、长龙村，五马镇高榜村" → 公平镇/万民村, 公平镇/长龙村, 五马镇/高榜村.
 */
export function parseSiteList(locationText: string): PlaceParts[] {
  const sites: PlaceParts[] = [];
  for (const group of locationText.split(/[，,；;。\n]/u)) {
    let town = '';
    for (const raw of group.split(/[、]/u)) {
      const item = raw.trim();
      if (item === '') continue;
      const parts = splitPlace(item);
      if (parts.town !== '') town = parts.town;
      sites.push({ ...parts, town: parts.town || town });
    }
  }
  return sites;
}
