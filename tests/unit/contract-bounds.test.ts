// Every string the contract accepts has a maximum length (issue 7, item 6). The walker visits
// every schema of apiSchemas; a new method with a bare z.string(), or a schema kind the walker
// does not know, fails here rather than reaching the database.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTempBackend } from './helpers/temp-db';
import { listPlans } from '../../src/backend/repositories/plans-repo';
import { listProjects } from '../../src/backend/repositories/projects-repo';
import { buildAnnexWorkbook, workbookBuffer } from '../../src/backend/xlsx/annex-export';
import { apiSchemas } from '../../src/domain/api/contract';
import { ApiError } from '../../src/domain/api/errors';
import { projectPatchSchema } from '../../src/domain/api/register';
import { longText, nameText, shortText, TEXT_MAX, textSchema } from '../../src/domain/api/text';
import { projectIssues, PROJECT_TEXT_RULES } from '../../src/domain/project-rules';
import { normaliseText, textProblem } from '../../src/domain/text-normalise';

type Schema = z.core.$ZodType;

/** Paths of strings without a maximum length, plus schema kinds the walker cannot see into. */
function unbounded(schema: Schema, path: string, seen = new Set<Schema>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const s = schema as z.core.$ZodTypes;
  const def = s._zod.def;
  const walk = (inner: Schema, suffix: string): string[] => unbounded(inner, `${path}${suffix}`, seen);
  switch (def.type) {
    case 'string': {
      const bounded = (def.checks ?? []).some((c) => ['max_length', 'length_equals'].includes(c._zod.def.check));
      return bounded ? [] : [`${path}: z.string() without .max()`];
    }
    case 'template_literal':
      return [`${path}: template literal (unbounded string)`];
    case 'object':
      return [
        ...Object.entries(def.shape).flatMap(([key, inner]) => walk(inner, `.${key}`)),
        ...(def.catchall ? walk(def.catchall, '.*') : []),
      ];
    case 'array':
      return walk(def.element, '[]');
    case 'set':
      return walk(def.valueType, '{}');
    case 'tuple':
      return [...def.items.flatMap((inner, i) => walk(inner, `[${i}]`)), ...(def.rest ? walk(def.rest, '[…]') : [])];
    case 'record':
    case 'map':
      return [...walk(def.keyType, '<key>'), ...walk(def.valueType, '<value>')];
    case 'union':
      return def.options.flatMap((inner, i) => walk(inner, `|${i}`));
    case 'intersection':
      return [...walk(def.left, '&L'), ...walk(def.right, '&R')];
    case 'pipe':
      // the input side is what a caller can send; the output side may be another schema
      return [...walk(def.in, ''), ...walk(def.out, '')];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
    case 'success':
      return walk(def.innerType, '');
    case 'lazy':
      return walk(def.getter(), '');
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'null':
    case 'undefined':
    case 'void':
    case 'never':
    case 'enum':
    case 'literal':
    case 'date':
    case 'nan':
    case 'transform':
      return [];
    default:
      // any, unknown, custom, file, promise, function, symbol: nothing bounds them
      return [`${path}: ${def.type} (the walker cannot prove it bounded)`];
  }
}

describe('every string in the contract is bounded', () => {
  it('apiSchemas has no z.string() without .max()', () => {
    const methods = Object.entries(apiSchemas);
    expect(methods.length).toBeGreaterThan(5);
    const found = methods.flatMap(([method, schema]) => unbounded(schema, method));
    expect(found).toEqual([]);
  });

  it('the walker itself catches a bare string, deep or shallow', () => {
    expect(unbounded(z.string(), 'x')).toEqual(['x: z.string() without .max()']);
    const deep = z.object({ a: z.array(z.object({ b: z.string().trim().optional() })), c: z.record(z.string().max(9), z.number()) });
    expect(unbounded(deep, 'x')).toEqual(['x.a[].b: z.string() without .max()']);
    expect(unbounded(z.record(z.string(), z.number()), 'r')).toEqual(['r<key>: z.string() without .max()']);
    expect(unbounded(z.union([z.email(), z.string().max(3)]), 'u')).toEqual(['u|0: z.string() without .max()']);
    expect(unbounded(z.unknown(), 'k')).toEqual(['k: unknown (the walker cannot prove it bounded)']);
    expect(unbounded(shortText(10), 's')).toEqual([]);
    expect(unbounded(projectPatchSchema, 'p')).toEqual([]);
  });
});

describe('refused with Chinese messages naming the field', () => {
  it('a 5,000,000-character category', () => {
    const r = projectPatchSchema.safeParse({ category: '养'.repeat(5_000_000) });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([`类别过长：最多 ${PROJECT_TEXT_RULES.category.max} 个字符`]);
    expect(r.error?.issues[0]?.path).toEqual(['category']);
  });

  it('a 1,000,000-character plan title when importing', () => {
    const r = apiSchemas['xlsx.importPreview'].safeParse({ fileName: 'a.xlsx', base64: '', planTitle: '规'.repeat(1_000_000) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/^规划名称过长：最多 200 个字符/);
  });

  it('through the backend: ApiError invalid, nothing saved', async () => {
    const backend = openTempBackend();
    try {
      const before = await backend.send('project.get', { id: 1 });
      const err = await backend.send('project.update', { id: 1, patch: { category: 'x'.repeat(5_000_000) } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code: 'invalid', issues: [{ field: 'category', message: '类别过长：最多 100 个字符' }] });
      const after = await backend.send('project.get', { id: 1 });
      expect(after.project).toEqual(before.project);
    } finally {
      backend.close();
    }
  });

  it.each([
    ['name', '', '项目名称不能为空'],
    ['name', '\u200B\u3000\uFEFF \u200D', '项目名称不能只有空格或不可见字符'],
    ['name', '养老\n中心', '项目名称不能包含换行或制表符'],
    ['name', '养老\u0007中心', '项目名称含有控制字符或不可见的格式字符，请删除后再保存'],
    ['leader', '张\u202E三', '责任人含有控制字符或不可见的格式字符，请删除后再保存'],
    ['note', 'a\u0000b', '说明含有控制字符或不可见的格式字符，请删除后再保存'],
    ['note', '\uD800', '说明含有无效的字符（不完整的 Unicode 编码）'],
    ['category', '   ', '类别不能只有空格或不可见字符'],
  ])('%s = %j is refused', (field, value, message) => {
    const r = projectPatchSchema.safeParse({ [field]: value });
    expect(r.error?.issues.map((i) => i.message)).toEqual([message]);
  });
});

describe('text is normalised before it is saved', () => {
  it.each([
    ['  养老服务中心\u3000\u200B', '养老服务中心'],
    ['\uFEFF朱衣镇', '朱衣镇'],
    ['Cafe\u0301', 'Café'],
    ['豈\uF900', '豈\uF900'], // CJK compatibility ideographs are kept as typed
    ['１２３号', '１２３号'], // full-width digits are not NFKC-folded
    ['=SUM(A1)', '=SUM(A1)'],
  ])('%j → %j', (raw, saved) => {
    expect(nameText(200, '项目名称').parse(raw)).toBe(saved);
  });

  it('multi-line text keeps \\n and \\t, turns CRLF into \\n, trims the ends', () => {
    expect(longText(TEXT_MAX, '说明').parse('\r\n第一行\r\n\t第二行\r第三行\u2028 ')).toBe('第一行\n\t第二行\n第三行');
  });

  it('the limit counts the saved text, not the padding around it', () => {
    expect(shortText(5, '类别').parse(`  ${'a'.repeat(5)}  `)).toBe('aaaaa');
    expect(shortText(5, '类别').safeParse('a'.repeat(6)).error?.issues[0]?.message).toBe('类别过长：最多 5 个字符，现有 6 个');
  });

  it('normalising is idempotent', () => {
    for (const s of ['  a\r\nb  ', '\u200Bx\u200B', 'e\u0301\uF900', '\t\n']) expect(normaliseText(normaliseText(s))).toBe(normaliseText(s));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => normaliseText(normaliseText(s)) === normaliseText(s)),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('what a schema saves, the schema and the domain rule accept unchanged (a form re-saving a loaded project)', () => {
    const pieces = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(' ', '\n', '\r\n', '\t', '\u3000', '\u200B', '\uFEFF', 'e\u0301', '豈'));
    for (const field of Object.keys(PROJECT_TEXT_RULES) as (keyof typeof PROJECT_TEXT_RULES)[]) {
      const schema = textSchema(PROJECT_TEXT_RULES[field], field);
      fc.assert(
        fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
          const r = schema.safeParse(parts.join(''));
          if (!r.success) return true;
          return schema.parse(r.data) === r.data && textProblem(r.data, PROJECT_TEXT_RULES[field]) === null;
        }),
        { numRuns: 300, seed: 11 },
      );
    }
  });

  it('the domain rules (what an import goes through) refuse what the form refuses', () => {
    const ok = {
      name: '项目',
      category: '养老',
      owner: '',
      locationText: '',
      scaleText: '',
      remark: '',
      responsibleUnit: '',
      leader: '',
      note: '',
      seqPrinted: null,
      investmentYuan: 0,
      startYear: 2021,
      endYear: 2025,
      startDate: null,
      endDate: null,
    };
    expect(projectIssues(ok)).toEqual([]);
    expect(projectIssues({ ...ok, category: 'x'.repeat(5_000_000) })).toEqual([
      { field: 'category', message: '类别过长：最多 100 个字符，现有 5000000 个' },
    ]);
    expect(projectIssues({ ...ok, name: '\u3000' })).toEqual([{ field: 'name', message: '项目名称不能只有空格或不可见字符' }]);
    expect(textProblem('a\tb', PROJECT_TEXT_RULES.owner)).toBe('不能包含换行或制表符');
  });
});

describe('an import cannot save what the form cannot', () => {
  it('refuses a 1,000,000-character title row, a 5,000,000-character category and an invisible name, cell by cell', { timeout: 60_000 }, async () => {
    const source = openTempBackend();
    const target = openTempBackend({ seed: false });
    try {
      const projects = listProjects(source.db, listPlans(source.db)[0]?.id ?? 0);
      const bad = projects.map((p) =>
        p.seq === 1 ? { ...p, category: '养'.repeat(5_000_000) } : p.seq === 2 ? { ...p, name: '\u200B\u3000\uFEFF' } : p.seq === 3 ? { ...p, owner: '县\u202E局' } : p,
      );
      const bytes = await workbookBuffer(buildAnnexWorkbook({ title: '规'.repeat(1_000_000) }, bad));
      const err = await target
        .send('xlsx.importPreview', { fileName: 'bad.xlsx', base64: bytes.toString('base64') })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      const issues = (err as ApiError).issues.map(({ sheet, row, column, message }) => ({ sheet, row, column, message }));
      expect(issues).toEqual(
        expect.arrayContaining([
          { sheet: '附件1 重点项目清单明细', row: 1, column: undefined, message: '规划名称过长：最多 200 个字符，现有 1000000 个。' },
          { sheet: '_项目附加信息', row: 2, column: 'D', message: '类别过长：最多 100 个字符，现有 5000000 个。' },
          { sheet: '附件1 重点项目清单明细', row: 4, column: 'B', message: '项目名称不能只有空格或不可见字符。' },
          { sheet: '附件1 重点项目清单明细', row: 5, column: 'D', message: '项目建设主体含有控制字符或不可见的格式字符，请删除后再保存。' },
        ]),
      );
      expect(listPlans(target.db)).toEqual([]);
    } finally {
      source.close();
      target.close();
    }
  });
});
