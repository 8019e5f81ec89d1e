// The one rule for when two projects of a plan are the same: the same 序号, or names that are
// equal once blanks and invisible characters are removed. The imports match file rows to
// projects by this name key, and funding and progress rows find their project by name or 序号,
// so a plan may hold only one project per 序号 and per name key. project.update, the annex
// parser (rows of one file) and the annex diff (file against the plan) all refuse by it. Pure.
import type { Issue } from './api/errors';
import type { Project } from './model';
import { withoutBlanks } from './text-normalise';

export type ProjectIdentity = Pick<Project, 'seq' | 'name'>;

/** What two names are compared by: "朱衣 养老院" and "朱衣养老院" are one name. */
export function projectNameKey(name: string): string {
  return withoutBlanks(name);
}

/** Projects by 序号 and by name key; the first one added keeps its place. */
export interface IdentityIndex<T extends ProjectIdentity> {
  bySeq: Map<number, T>;
  byName: Map<string, T>;
}

export function identityIndex<T extends ProjectIdentity>(items: Iterable<T> = []): IdentityIndex<T> {
  const index: IdentityIndex<T> = { bySeq: new Map(), byName: new Map() };
  for (const item of items) addIdentity(index, item);
  return index;
}

/** a 序号 that is not a positive integer, or a blank name, identifies nothing (and is refused elsewhere) */
const seqOf = (seq: number): number | null => (Number.isInteger(seq) && seq > 0 ? seq : null);
const keyOf = (name: string): string | null => projectNameKey(name) || null;

export function addIdentity<T extends ProjectIdentity>(index: IdentityIndex<T>, item: T): void {
  const seq = seqOf(item.seq);
  if (seq !== null && !index.bySeq.has(seq)) index.bySeq.set(seq, item);
  const key = keyOf(item.name);
  if (key !== null && !index.byName.has(key)) index.byName.set(key, item);
}

/** The indexed projects that already hold the candidate's 序号 or name (absent when free). */
export function identityClash<T extends ProjectIdentity>(index: IdentityIndex<T>, candidate: ProjectIdentity): { seq?: T; name?: T } {
  const s = seqOf(candidate.seq);
  const k = keyOf(candidate.name);
  const seq = s === null ? undefined : index.bySeq.get(s);
  const name = k === null ? undefined : index.byName.get(k);
  return { ...(seq !== undefined ? { seq } : {}), ...(name !== undefined ? { name } : {}) };
}

/** a name quoted in a message: a 200-character name need not be repeated whole */
export function shortName(name: string): string {
  const chars = [...name];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : name;
}

/** Chinese messages for a clash, at the fields 'seq' and 'name'. */
export function identityClashIssues(candidate: ProjectIdentity, clash: { seq?: ProjectIdentity; name?: ProjectIdentity }, whose = ''): Issue[] {
  const issues: Issue[] = [];
  if (clash.seq) issues.push({ field: 'seq', message: `序号 ${candidate.seq} 已被${whose}「${shortName(clash.seq.name)}」使用` });
  const other = clash.name;
  if (other) {
    const same = other.name === candidate.name;
    issues.push({
      field: 'name',
      message: same
        ? `项目名称「${shortName(candidate.name)}」已被${whose}序号 ${other.seq} 的项目使用`
        : `项目名称「${shortName(candidate.name)}」与${whose}序号 ${other.seq} 的「${shortName(other.name)}」只差空格，视为同名`,
    });
  }
  return issues;
}

/**
 * What the project with `id` may not take in its plan: a 序号 or name another project holds.
 * Only the fields being changed are checked, so a clash already in old data does not block
 * an edit of something else.
 */
export function projectIdentityIssues(
  id: number,
  next: ProjectIdentity,
  changed: { seq: boolean; name: boolean },
  planProjects: readonly (ProjectIdentity & { id: number })[],
): Issue[] {
  if (!changed.seq && !changed.name) return [];
  const clash = identityClash(identityIndex(planProjects.filter((p) => p.id !== id)), next);
  return identityClashIssues(next, {
    ...(changed.seq && clash.seq ? { seq: clash.seq } : {}),
    ...(changed.name && clash.name ? { name: clash.name } : {}),
  });
}
