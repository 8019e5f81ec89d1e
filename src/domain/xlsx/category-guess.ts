// A category for a project from a file that has no 类别 column: guessed from the name's
// keywords (the annex's own naming), defaulting to the first category. Import shows it.
import { CATEGORIES } from '../model';

const RULES: readonly [RegExp, string][] = [
  [/殡|墓|骨灰|陵园|龙园/, '殡葬'],
  [/精神|康复/, '精神康复'],
  [/未成年|儿童|孤儿/, '儿童福利与未成年人保护'],
  [/社会组织/, '社会组织'],
  [/社区|便民服务|村（社区）|村\(社区\)/, '城乡社区'],
  [/养老|敬老|福利院|老年|颐养/, '养老'],
];

export function guessCategory(name: string): string {
  for (const [re, category] of RULES) if (re.test(name)) return category;
  return CATEGORIES[0];
}
