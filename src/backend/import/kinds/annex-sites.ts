// What a changed 项目建设地 does to a project's sites: places the new text names that no
// listed site has are added; listed sites the new text no longer names are archived (never
// deleted: progress and milestones may hang on them, and undo restores them). Pure.
import { parseSiteList, type PlaceParts } from '../../../domain/location-parser';
import type { Site } from '../../../domain/model';

export interface SitePlan {
  add: PlaceParts[];
  archive: Site[];
}

function key(s: PlaceParts): string {
  return [s.town, s.village, s.address].map((t) => t.replace(/\s+/g, '')).join('|');
}

/** "朱衣镇 / 某村 / 某路1号" with empty parts left out */
export function siteLabel(s: PlaceParts): string {
  return [s.town, s.village, s.address].filter((t) => t !== '').join(' / ') || '（未注明地点）';
}

/** `current`: the project's listed (not archived) sites. */
export function diffSites(current: readonly Site[], locationText: string): SitePlan {
  const wanted = new Map<string, PlaceParts>();
  for (const p of parseSiteList(locationText)) if (!wanted.has(key(p))) wanted.set(key(p), p);
  const have = new Set(current.map(key));
  return {
    add: [...wanted.entries()].filter(([k]) => !have.has(k)).map(([, p]) => p),
    archive: current.filter((s) => !wanted.has(key(s))),
  };
}
