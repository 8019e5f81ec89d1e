// The pure parts of the Electron shell: which pages may call IPC, --db, dialog filters,
// the CSP, and the preload's method list staying equal to the contract.
import { appOrigin, devOrigin, isAppUrl } from '../../electron/main/app-origin';
import { cspHeader, developmentCsp, PRODUCTION_CSP } from '../../electron/main/csp';
import { acceptToFilters, saveFilters } from '../../electron/main/dialog-filters';
import { dbPathFromArgv, resolveDbPath } from '../../electron/main/launch-args';
import { apiSchemas } from '../../src/domain/api/contract';
import { API_METHODS } from '../../src/domain/api/methods';
import { isMenuCommand, MENU_COMMANDS } from '../../src/domain/menu-commands';

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

  it('accepts app://tracker with any path, hash route or query, and nothing else', () => {
    const o = appOrigin();
    expect(o.url).toBe('app://tracker/index.html');
    expect(isAppUrl('app://tracker/index.html', o)).toBe(true);
    expect(isAppUrl('app://tracker/index.html#/print/gantt?paper=A3&from=2021-01-01&to=2025-12-31', o)).toBe(true);
    expect(isAppUrl('app://tracker/', o)).toBe(true);
    expect(isAppUrl('app://other/index.html', o)).toBe(false);
    expect(isAppUrl('app://tracker.evil/index.html', o)).toBe(false);
    expect(isAppUrl('app://tracker:8080/index.html', o)).toBe(false);
    expect(isAppUrl('app://user:pw@tracker/index.html', o)).toBe(false);
    expect(isAppUrl('file:///opt/tracker/resources/app.asar/out/renderer/index.html', o)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', o)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', o)).toBe(false);
  });

  it('is total: malformed percent sequences and non-strings are refused, never thrown', () => {
    const o = appOrigin();
    const d = devOrigin('http://localhost:5173/');
    for (const bad of ['app://tracker/%E0%A4%A', 'app://tracker/%', 'file:///C:/app/%E0%A4%A/index.html', 'http://localhost:5173/%ZZ']) {
      expect(() => isAppUrl(bad, o)).not.toThrow();
      expect(isAppUrl(bad, o)).toBe(false);
      expect(isAppUrl(bad, d)).toBe(false);
    }
    for (const odd of [undefined, 42, {}, [], 'x'.repeat(10_000), 'app://tracker/' + 'a'.repeat(9000)]) {
      expect(isAppUrl(odd, o)).toBe(false);
    }
    // an unparsable origin refuses everything
    expect(isAppUrl('app://tracker/index.html', { kind: 'app', url: 'not a url' })).toBe(false);
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

  it('names the save filter after the extension', () => {
    expect(saveFilters('附件1.xlsx')).toEqual([{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
    expect(saveFilters('甘特图.PDF')).toEqual([{ name: 'PDF 文件', extensions: ['pdf'] }]);
    expect(saveFilters('noext')).toEqual([]);
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
