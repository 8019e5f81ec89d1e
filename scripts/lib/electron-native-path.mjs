// Pure path and argument logic for the Electron build of better-sqlite3, shared by
// scripts/prepare-electron-sqlite.mjs (plain Node, so this file is JS) and the
// Electron main process (bundled by electron-vite). Types: electron-native-path.d.mts.
//
// Why a separate .node: node_modules/better-sqlite3/build holds the Node build the
// tests and CLI use; Electron needs one compiled for its own ABI. Keeping that one in
// .native/electron-<version>/ lets both live side by side.
import path from 'node:path';

export const NATIVE_DIR = '.native';
export const BINDING_FILE = 'better_sqlite3.node';
export const BUILD_INFO_FILE = 'build-info.json';
/** folder under process.resourcesPath that electron-builder fills from .native/ */
export const PACKAGED_NATIVE_DIR = 'native';

/** `electron-45.5.0` */
export function nativeVersionDir(electronVersion) {
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(electronVersion)) {
    throw new Error(`Electron 版本号无效：${electronVersion}`);
  }
  return `electron-${electronVersion}`;
}

/** `<root>/.native/electron-<version>/better_sqlite3.node` during development */
export function devNativeBindingPath(projectRoot, electronVersion) {
  return path.join(projectRoot, NATIVE_DIR, nativeVersionDir(electronVersion), BINDING_FILE);
}

/** `<resources>/native/electron-<version>/better_sqlite3.node` in an installed app */
export function packagedNativeBindingPath(resourcesPath, electronVersion) {
  return path.join(resourcesPath, PACKAGED_NATIVE_DIR, nativeVersionDir(electronVersion), BINDING_FILE);
}

/** What Electron main passes to openBackend({ nativeBinding }). */
export function resolveNativeBinding({ isPackaged, appPath, resourcesPath, electronVersion }) {
  return isPackaged
    ? packagedNativeBindingPath(resourcesPath, electronVersion)
    : devNativeBindingPath(appPath, electronVersion);
}

/** The stamp written beside the .node; a mismatch (other OS/arch on a shared folder) means rebuild. */
export function buildInfo({ electronVersion, platform, arch, abi }) {
  return { electronVersion, platform, arch, abi };
}

export function buildInfoMatches(stamp, wanted) {
  if (typeof stamp !== 'object' || stamp === null) return false;
  return (
    stamp.electronVersion === wanted.electronVersion &&
    stamp.platform === wanted.platform &&
    stamp.arch === wanted.arch &&
    stamp.abi === wanted.abi
  );
}

/**
 * The Electron executable that `electron` resolves to, from the package folder and the
 * contents of its path.txt (null when absent: the binary was never downloaded).
 * Mirrors node_modules/electron/index.js without its side effect of downloading.
 */
export function electronExecutablePath(electronPackageDir, pathTxt, env = {}) {
  if (pathTxt === null || pathTxt.trim() === '') return null;
  const rel = pathTxt.trim();
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(env.ELECTRON_OVERRIDE_DIST_PATH, rel);
  return path.join(electronPackageDir, 'dist', rel);
}

export function prebuildInstallArgs({ electronVersion, platform, arch }) {
  return ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform, '--verbose'];
}

export function nodeGypArgs({ electronVersion, arch }) {
  return [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
  ];
}

/**
 * Where node-gyp may be, best first: the one npm announces to scripts, the project's
 * own, then the copy bundled with npm (found from npm_execpath or beside node).
 */
export function nodeGypCandidates({ npmConfigNodeGyp, npmExecPath, projectRoot, execPath, platform }) {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const out = [];
  if (npmConfigNodeGyp) out.push(npmConfigNodeGyp);
  out.push(p.join(projectRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  if (npmExecPath && /npm-cli\.js$/.test(npmExecPath)) {
    out.push(p.join(p.dirname(npmExecPath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  }
  const nodeDir = p.dirname(execPath);
  if (platform === 'win32') {
    out.push(p.join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  } else {
    out.push(p.join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  }
  return [...new Set(out.map((f) => p.normalize(f)))];
}

/** Top-level entries of node_modules/better-sqlite3 not copied to the temp build folder. */
export function skipInTempCopy(relPath) {
  const first = relPath.split(/[\\/]/)[0];
  return first === 'build' || first === 'node_modules' || first === 'prebuilds';
}
