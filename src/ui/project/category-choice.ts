// 类别 is a choice, not free text: a typo such as "养老服务" used to create a new category that
// split the register's filters and the Gantt's groups. New categories go through an explicit
// "新增类别…" step that names them and asks for a confirmation.
import { PROJECT_TEXT_RULES } from '../../domain/project-rules';

/** the <select> value of the "新增类别…" option (no real category starts with a NUL) */
export const NEW_CATEGORY_OPTION = '\u0000new';

/** The categories offered: the plan's own (register order), then the app's list, then the current value. */
export function categoryOptions(planCategories: readonly string[], appCategories: readonly string[], current: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of [...planCategories, ...appCategories, current]) {
    const t = c.trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}

export type NewCategory =
  | { kind: 'cancelled' }
  | { kind: 'existing'; name: string }
  | { kind: 'new'; name: string; confirm: string }
  | { kind: 'invalid'; message: string };

/** What the name typed after "新增类别…" means: an existing category (matched ignoring spaces and width), a new one, or an error. */
export function resolveNewCategory(typed: string | null, existing: readonly string[]): NewCategory {
  if (typed === null) return { kind: 'cancelled' };
  const name = typed.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!name) return { kind: 'cancelled' };
  const max = PROJECT_TEXT_RULES.category.max;
  if (name.length > max) return { kind: 'invalid', message: `类别最多 ${max} 个字，收到 ${name.length} 个字` };
  const key = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  const same = existing.find((c) => key(c) === key(name));
  if (same) return { kind: 'existing', name: same };
  return {
    kind: 'new',
    name,
    confirm: `「${name}」不是本计划已有的类别（${existing.join('、')}）。确定新增这个类别吗？`,
  };
}
