// The pure parts of the Electron shell: which pages may call IPC, --db, dialog filters,
// the CSP, and the preload's method list staying equal to the contract.
import { pathToFileURL } from 'node:url';
import { devOrigin, fileOrigin, isAppUrl } from '../../electron/main/app-origin';
import { cspHeader, developmentCsp, PRODUCTION_CSP } from '../../electron/main/csp';
import { acceptToFilters, safeFileName, saveFilters } from '../../electron/main/dialog-filters';
import { dbPathFromArgv, resolveDbPath } from '../../electron/main/launch-args';
import { apiSchemas } from '../../src/domain/api/contract';
import { API_METHODS } from '../../src/domain/api/methods';
import { isMenuCommand, MENU_COMMANDS } from '../../src/ui/menu-commands';

describe('IPC sender check', () => {
  it('accepts the dev server origin only', () => {
    const o = devOrigin('http://localhost:5173/');
    expect(isAppUrl('http://localhost:5173/#/gantt', o)).toBe(true);
    expect(isAppUrl('http://localhost:5173/index.html?x=1', o)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', o)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', o)).toBe(false);
    expect(isAppUrl('https://evil.example/', o)).toBe(false);
    expect(isAppUrl('file:///C:/app/index.html', o)).toBe(false);
    expect(isAppUrl('', o)).toBe(false);
    expect(isAppUrl(null, o)).toBe(false);
    expect(isAppUrl('not a url', o)).toBe(false);
  });

  it('accepts the built index.html under file:// with any hash route, and nothing else', () => {
    const index = pathToFileURL('/opt/tracker/resources/app.asar/out/renderer/index.html').href;
    const o = fileOrigin(index, 'linux');
    expect(isAppUrl(index, o)).toBe(true);
    expect(isAppUrl(`${index}#/print/gantt?paper=A3&from=2021-01-01&to=2025-12-31`, o)).toBe(true);
    expect(isAppUrl(pathToFileURL('/opt/tracker/resources/app.asar/out/renderer/other.html').href, o)).toBe(false);
    expect(isAppUrl(pathToFileURL('/tmp/index.html').href, o)).toBe(false);
    expect(isAppUrl(index.replace('file:///', 'file://server/'), o)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', o)).toBe(false);
  });

  it('compares Windows paths without regard to case or percent-encoding', () => {
    const o = fileOrigin('file:///C:/Program%20Files/%E6%B0%91%E6%94%BF/resources/app.asar/out/renderer/index.html', 'win32');
    expect(isAppUrl('file:///c:/program files/民政/resources/app.asar/out/renderer/index.html#/', o)).toBe(true);
    expect(isAppUrl('file:///D:/Program%20Files/%E6%B0%91%E6%94%BF/resources/app.asar/out/renderer/index.html', o)).toBe(false);
  });
});

describe('--db argument', () => {
  it('reads --db PATH and --db=PATH, else falls back', () => {
    expect(dbPathFromArgv(['electron', '.', '--db', '/tmp/a.db'])).toBe('/tmp/a.db');
    expect(dbPathFromArgv(['app.exe', '--db=D:\\数据\\台账.db'])).toBe('D:\\数据\\台账.db');
    expect(dbPathFromArgv(['app.exe', '--db'])).toBeNull();
    expect(dbPathFromArgv(['app.exe', '--db', '--other'])).toBeNull();
    expect(dbPathFromArgv(['app.exe', '--db='])).toBeNull();
    expect(resolveDbPath(['app.exe'], '/home/u/.config/capital-project-tracker/tracker.db')).toBe(
      '/home/u/.config/capital-project-tracker/tracker.db',
    );
    expect(resolveDbPath(['app.exe', '--db', 'x.db'], 'fallback.db')).toBe('x.db');
  });
});

describe('dialog filters', () => {
  it('turns an accept string into named filters plus 所有文件', () => {
    expect(acceptToFilters('.xlsx,.xls')).toEqual([
      { name: 'Excel 工作簿', extensions: ['xlsx', 'xls'] },
      { name: '所有文件', extensions: ['*'] },
    ]);
    expect(acceptToFilters('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, .ET')).toEqual([
      { name: 'Excel 工作簿 / WPS 表格', extensions: ['xlsx', 'et'] },
      { name: '所有文件', extensions: ['*'] },
    ]);
    expect(acceptToFilters('')).toEqual([{ name: '所有文件', extensions: ['*'] }]);
  });

  it('names the save filter after the extension and keeps file names plain', () => {
    expect(saveFilters('附件1.xlsx')).toEqual([{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
    expect(saveFilters('甘特图.PDF')).toEqual([{ name: 'PDF 文件', extensions: ['pdf'] }]);
    expect(saveFilters('noext')).toEqual([]);
    expect(safeFileName('../../etc/passwd', 'x')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\a:b?.xlsx', 'x')).toBe('a_b_.xlsx');
    expect(safeFileName('..', '导出文件')).toBe('导出文件');
    expect(safeFileName('重点项目清单.xlsx', 'x')).toBe('重点项目清单.xlsx');
  });
});

describe('Content-Security-Policy', () => {
  it('allows only our own scripts in production', () => {
    expect(PRODUCTION_CSP).toContain("default-src 'none'");
    expect(PRODUCTION_CSP).toContain("script-src 'self'");
    expect(PRODUCTION_CSP).not.toContain('unsafe-eval');
    expect(PRODUCTION_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(PRODUCTION_CSP).toContain("object-src 'none'");
    expect(cspHeader(PRODUCTION_CSP)).toContain("frame-ancestors 'none'");
  });

  it("lets Vite's dev server preamble and HMR websocket through in development only", () => {
    const dev = developmentCsp('http://localhost:5173/');
    expect(dev).toMatch(/script-src 'self' 'unsafe-inline'/);
    expect(dev).toContain('ws://localhost:5173');
    expect(dev).not.toContain('unsafe-eval');
  });
});

describe('preload method list', () => {
  it('names exactly the methods of the Api contract', () => {
    expect([...API_METHODS].sort()).toEqual(Object.keys(apiSchemas).sort());
    expect(new Set(API_METHODS).size).toBe(API_METHODS.length);
  });

  it('knows the menu commands', () => {
    for (const c of MENU_COMMANDS) expect(isMenuCommand(c)).toBe(true);
    expect(isMenuCommand('rm -rf')).toBe(false);
    expect(isMenuCommand(3)).toBe(false);
  });
});
