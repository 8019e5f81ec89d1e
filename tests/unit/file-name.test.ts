// The one file-name rule (src/domain/file-name.ts) and the one open-file cap
// (src/domain/file-limits.ts), used by exports, the desktop save dialog and the file pickers.
import fc from 'fast-check';
import { ApiError } from '../../src/domain/api/errors';
import { BASE64_MAX, WORKBOOK_MAX_BYTES } from '../../src/domain/api/text';
import { fileTooLargeError, isFileTooLarge, OPEN_FILE_MAX_BYTES, OPEN_FILE_MAX_LABEL } from '../../src/domain/file-limits';
import { FILE_NAME_MAX_LENGTH, safeFileName } from '../../src/domain/file-name';

const WINDOWS_FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

describe('safeFileName', () => {
  it('keeps ordinary Chinese names as they are', () => {
    expect(safeFileName('重点项目清单.xlsx')).toBe('重点项目清单.xlsx');
    expect(safeFileName('“十四五”民政规划-附件1 重点项目清单明细.xlsx')).toBe('“十四五”民政规划-附件1 重点项目清单明细.xlsx');
  });

  it('never leaves a folder part: separators and traversal become plain characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(safeFileName('C:\\Windows\\a:b?.xlsx')).toBe('C_Windows_a_b_.xlsx');
    expect(safeFileName('\\\\server\\share\\x.pdf')).toBe('_server_share_x.pdf');
    expect(safeFileName('2021/2025 规划-重点项目清单.xlsx')).toBe('2021_2025 规划-重点项目清单.xlsx');
  });

  it('replaces what Windows forbids, including control characters and line breaks', () => {
    expect(safeFileName('a<b>c"d|e*f.xlsx')).toBe('a_b_c_d_e_f.xlsx');
    expect(safeFileName('第一行\r\n第二行\t.pdf')).toBe('第一行_第二行_.pdf');
    expect(safeFileName('a\u0000b.pdf')).toBe('a_b.pdf');
  });

  it('removes direction marks that would disguise the extension', () => {
    expect(safeFileName('报表\u202Excod.exe')).toBe('报表xcod.exe');
    expect(safeFileName('a\u200Bb.xlsx')).toBe('ab.xlsx');
  });

  it('drops the trailing dots and spaces Windows would drop, and falls back when nothing is left', () => {
    expect(safeFileName('报表.xlsx. . ')).toBe('报表.xlsx');
    expect(safeFileName('..')).toBe('导出文件');
    expect(safeFileName('.')).toBe('导出文件');
    expect(safeFileName('   ')).toBe('导出文件');
    expect(safeFileName('', '甘特图.pdf')).toBe('甘特图.pdf');
  });

  it('prefixes device names Windows reserves', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.xlsx')).toBe('_nul.xlsx');
    expect(safeFileName('com1.pdf')).toBe('_com1.pdf');
    expect(safeFileName('console.xlsx')).toBe('console.xlsx');
  });

  it('cuts long names keeping the extension, without splitting a character', () => {
    const long = `${'项'.repeat(150)}${'𠀀'.repeat(100)}.xlsx`;
    const out = safeFileName(long);
    expect(out.length).toBeLessThanOrEqual(FILE_NAME_MAX_LENGTH);
    expect(out.endsWith('.xlsx')).toBe(true);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('always returns a plain, Windows-valid name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (name) => {
        const out = safeFileName(name);
        expect(out.length).toBeGreaterThan(0);
        expect(out.length).toBeLessThanOrEqual(FILE_NAME_MAX_LENGTH);
        expect(out).not.toMatch(WINDOWS_FORBIDDEN);
        expect(out).not.toMatch(/[. ]$/);
        expect(out).not.toMatch(RESERVED);
        expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
        // idempotent: a cleaned name stays as it is
        expect(safeFileName(out)).toBe(out);
      }),
    );
  });
});

describe('open-file cap', () => {
  it("is 50 MB, the same number as the contract's workbook limit and its base64 bound", () => {
    expect(OPEN_FILE_MAX_BYTES).toBe(50 * 1024 * 1024);
    expect(OPEN_FILE_MAX_BYTES).toBe(WORKBOOK_MAX_BYTES);
    expect(OPEN_FILE_MAX_LABEL).toBe('50 MB');
    // base64 of n bytes is 4·⌈n/3⌉ characters (checked on small sizes, then applied to the cap)
    for (let n = 1; n <= 7; n++) expect(Buffer.alloc(n).toString('base64').length).toBe(4 * Math.ceil(n / 3));
    expect(BASE64_MAX).toBe(4 * Math.ceil(OPEN_FILE_MAX_BYTES / 3));
    expect(isFileTooLarge(OPEN_FILE_MAX_BYTES)).toBe(false);
    expect(isFileTooLarge(OPEN_FILE_MAX_BYTES + 1)).toBe(true);
  });

  it('refuses with a Chinese message that names the file', () => {
    const error = fileTooLargeError('大表.xlsx', 60 * 1024 * 1024);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('bad_file');
    expect(error.message).toBe('文件过大（60.0 MB），上限为 50 MB');
    expect(error.issues).toEqual([{ file: '大表.xlsx', message: '文件过大（60.0 MB），上限为 50 MB' }]);
  });
});
