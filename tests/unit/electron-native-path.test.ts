// Where the Electron-ABI better-sqlite3 lives, and how the prepare script finds its tools.
import path from 'node:path';
import {
  buildInfo,
  buildInfoMatches,
  devNativeBindingPath,
  electronExecutablePath,
  nativeVersionDir,
  nodeGypArgs,
  nodeGypCandidates,
  packagedNativeBindingPath,
  prebuildInstallArgs,
  resolveNativeBinding,
  skipInTempCopy,
} from '../../scripts/lib/electron-native-path.mjs';

describe('Electron native module paths', () => {
  it('keeps one folder per Electron version under .native', () => {
    expect(nativeVersionDir('45.5.0')).toBe('electron-45.5.0');
    expect(nativeVersionDir('46.0.0-beta.2')).toBe('electron-46.0.0-beta.2');
    expect(devNativeBindingPath('/repo', '45.5.0')).toBe(path.join('/repo', '.native', 'electron-45.5.0', 'better_sqlite3.node'));
  });

  it('refuses a version that could escape the folder', () => {
    expect(() => nativeVersionDir('../../etc')).toThrow(/版本号无效/);
    expect(() => nativeVersionDir('')).toThrow(/版本号无效/);
  });

  it('uses resources/native/electron-<version> in an installed app and .native in development', () => {
    const common = { appPath: '/repo', resourcesPath: '/opt/app/resources', electronVersion: '45.5.0' };
    expect(resolveNativeBinding({ ...common, isPackaged: true })).toBe(
      path.join('/opt/app/resources', 'native', 'electron-45.5.0', 'better_sqlite3.node'),
    );
    expect(resolveNativeBinding({ ...common, isPackaged: false })).toBe(
      path.join('/repo', '.native', 'electron-45.5.0', 'better_sqlite3.node'),
    );
    expect(packagedNativeBindingPath('/r', '45.5.0')).toBe(path.join('/r', 'native', 'electron-45.5.0', 'better_sqlite3.node'));
  });

  it('rebuilds when the stamp is for another OS, arch or ABI', () => {
    const wanted = buildInfo({ electronVersion: '45.5.0', platform: 'win32', arch: 'x64', abi: '150' });
    expect(buildInfoMatches({ ...wanted }, wanted)).toBe(true);
    expect(buildInfoMatches({ ...wanted, platform: 'linux' }, wanted)).toBe(false);
    expect(buildInfoMatches({ ...wanted, arch: 'arm64' }, wanted)).toBe(false);
    expect(buildInfoMatches({ ...wanted, abi: '149' }, wanted)).toBe(false);
    expect(buildInfoMatches(null, wanted)).toBe(false);
    expect(buildInfoMatches('x', wanted)).toBe(false);
  });

  it('finds the Electron executable from path.txt without downloading', () => {
    expect(electronExecutablePath('/nm/electron', null)).toBeNull();
    expect(electronExecutablePath('/nm/electron', '  ')).toBeNull();
    expect(electronExecutablePath('/nm/electron', 'electron.exe')).toBe(path.join('/nm/electron', 'dist', 'electron.exe'));
    expect(electronExecutablePath('/nm/electron', 'electron\n', { ELECTRON_OVERRIDE_DIST_PATH: '/custom' })).toBe(
      path.join('/custom', 'electron'),
    );
  });

  it('asks prebuild-install and node-gyp for the Electron runtime', () => {
    expect(prebuildInstallArgs({ electronVersion: '45.5.0', platform: 'win32', arch: 'x64' })).toEqual([
      '--runtime', 'electron', '--target', '45.5.0', '--arch', 'x64', '--platform', 'win32', '--verbose',
    ]);
    const gyp = nodeGypArgs({ electronVersion: '45.5.0', arch: 'x64' });
    expect(gyp[0]).toBe('rebuild');
    expect(gyp).toContain('--runtime=electron');
    expect(gyp).toContain('--target=45.5.0');
    expect(gyp).toContain('--dist-url=https://electronjs.org/headers');
  });

  it("looks for node-gyp in npm's announcement, the project, then npm's own copy (Windows layout)", () => {
    const found = nodeGypCandidates({
      npmConfigNodeGyp: undefined,
      npmExecPath: 'C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js',
      projectRoot: 'D:\\tracker',
      execPath: 'C:\\Program Files\\nodejs\\node.exe',
      platform: 'win32',
    });
    expect(found[0]).toBe('D:\\tracker\\node_modules\\node-gyp\\bin\\node-gyp.js');
    expect(found).toContain('C:\\Program Files\\nodejs\\node_modules\\npm\\node_modules\\node-gyp\\bin\\node-gyp.js');
    // the npm_execpath route and the beside-node route are the same file on Windows: listed once
    expect(found).toHaveLength(2);
  });

  it('puts npm_config_node_gyp first and knows the Unix npm layout', () => {
    const found = nodeGypCandidates({
      npmConfigNodeGyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
      npmExecPath: undefined,
      projectRoot: '/repo',
      execPath: '/usr/local/bin/node',
      platform: 'linux',
    });
    expect(found[0]).toBe('/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
    expect(found).toContain('/usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
  });

  it('never copies the Node build into the temporary build folder', () => {
    expect(skipInTempCopy('build')).toBe(true);
    expect(skipInTempCopy(path.join('build', 'Release', 'better_sqlite3.node'))).toBe(true);
    expect(skipInTempCopy('build\\Release')).toBe(true);
    expect(skipInTempCopy('src')).toBe(false);
    expect(skipInTempCopy('deps')).toBe(false);
    expect(skipInTempCopy('')).toBe(false);
  });
});
