#!/usr/bin/env node
// Run by `npm start` before `electron-vite dev`. Makes sure that
//   1. the Electron binary is downloaded (Electron 45 downloads it lazily on first
//      use, but electron-vite only reads node_modules/electron/path.txt), and
//   2. .native/electron-<version>/better_sqlite3.node exists, compiled for Electron's ABI.
// `--native-only` skips step 1 (a packaging machine needs only the .node file).
// It builds in a temporary copy of node_modules/better-sqlite3 and never touches
// node_modules/better-sqlite3/build, which holds the Node build the tests and CLI use.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BINDING_FILE,
  BUILD_INFO_FILE,
  buildInfo,
  buildInfoMatches,
  devNativeBindingPath,
  electronExecutablePath,
  nodeGypArgs,
  nodeGypCandidates,
  prebuildInstallArgs,
  skipInTempCopy,
} from './lib/electron-native-path.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(projectRoot, 'package.json'));
const say = (zh, en) => console.log(`[prepare-electron-sqlite] ${zh} / ${en}`);
const fail = (lines) => {
  console.error('');
  for (const line of lines) console.error(`[prepare-electron-sqlite] ${line}`);
  console.error('');
  process.exit(1);
};

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function packageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

// --- 1. the Electron binary -------------------------------------------------------
const electronDir = packageDir('electron');
if (electronDir === null) {
  fail(['未安装 electron 包，请先在项目目录运行 npm install。', 'The electron package is missing: run `npm install` first.']);
}
const electronVersion = JSON.parse(readText(path.join(electronDir, 'package.json')) ?? '{}').version;
const abi = (readText(path.join(electronDir, 'abi_version')) ?? '').trim();

function electronBinaryReady() {
  const exe = electronExecutablePath(electronDir, readText(path.join(electronDir, 'path.txt')), process.env);
  const distVersion = (readText(path.join(electronDir, 'dist', 'version')) ?? '').trim().replace(/^v/, '');
  const ok = exe !== null && fs.existsSync(exe) && (process.env.ELECTRON_OVERRIDE_DIST_PATH || distVersion === electronVersion);
  return { ok, exe };
}

const nativeOnly = process.argv.includes('--native-only');
let binary = electronBinaryReady();
if (!nativeOnly && !binary.ok) {
  say(`正在下载 Electron ${electronVersion} 运行文件（约 100 MB，仅首次）…`, `downloading the Electron ${electronVersion} binary (first run only)…`);
  const res = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit', cwd: projectRoot });
  binary = electronBinaryReady();
  if (res.status !== 0 || !binary.ok) {
    fail([
      `Electron ${electronVersion} 运行文件不可用：下载失败（可能未联网，或无法访问 GitHub）。`,
      '可设置国内镜像后重试 / set a mirror and retry:',
      '  Windows (PowerShell):  $env:ELECTRON_MIRROR="https://npmmirror.com/mirrors/electron/"; npm start',
      '  macOS / Linux:         ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start',
      '或手动运行 / or run manually:  npx install-electron --no',
      '不需要桌面窗口时，可用浏览器模式 / without Electron, use browser mode:  npm run serve',
    ]);
  }
}
if (!nativeOnly) say(`Electron ${electronVersion} 运行文件就绪`, `Electron binary ready: ${binary.exe}`);

// --- 2. better-sqlite3 for Electron's ABI -----------------------------------------
const target = devNativeBindingPath(projectRoot, electronVersion);
const stampFile = path.join(path.dirname(target), BUILD_INFO_FILE);
const wanted = buildInfo({ electronVersion, platform: process.platform, arch: process.arch, abi });
let stamp = null;
try {
  stamp = JSON.parse(readText(stampFile) ?? 'null');
} catch {
  stamp = null;
}
if (fs.existsSync(target) && buildInfoMatches(stamp, wanted)) {
  say('Electron 版 SQLite 模块已就绪', `native module ready: ${path.relative(projectRoot, target)}`);
  process.exit(0);
}

const sqliteDir = packageDir('better-sqlite3');
if (sqliteDir === null) {
  fail(['未安装 better-sqlite3，请先运行 npm install。', 'better-sqlite3 is missing: run `npm install` first.']);
}

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-sqlite-'));
const work = path.join(tmpRoot, 'better-sqlite3');
fs.cpSync(sqliteDir, work, {
  recursive: true,
  filter: (src) => !skipInTempCopy(path.relative(sqliteDir, src)),
});
const built = path.join(work, 'build', 'Release', BINDING_FILE);
const run = (script, args) =>
  spawnSync(process.execPath, [script, ...args], { cwd: work, stdio: 'inherit', env: process.env }).status === 0 &&
  fs.existsSync(built);

let ok = false;
say(
  `正在下载 Electron ${electronVersion}（ABI ${abi || '?'}，${process.platform}-${process.arch}）的 better-sqlite3 预编译文件…`,
  'fetching a prebuilt better-sqlite3 for Electron…',
);
try {
  const prebuildBin = createRequire(path.join(sqliteDir, 'package.json')).resolve('prebuild-install/bin.js');
  ok = run(prebuildBin, prebuildInstallArgs({ electronVersion, platform: process.platform, arch: process.arch }));
} catch {
  ok = false;
}

if (!ok) {
  const gyp = nodeGypCandidates({
    npmConfigNodeGyp: process.env.npm_config_node_gyp,
    npmExecPath: process.env.npm_execpath,
    projectRoot,
    execPath: process.execPath,
    platform: process.platform,
  }).find((f) => fs.existsSync(f));
  if (gyp) {
    say('未取得预编译文件，改为本机编译（需要 C++ 编译工具）…', `no prebuilt binary; compiling with ${gyp}…`);
    ok = run(gyp, nodeGypArgs({ electronVersion, arch: process.arch }));
  } else {
    say('未找到 node-gyp，无法本机编译', 'node-gyp not found, cannot compile');
  }
}

if (ok) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(built, target);
  fs.writeFileSync(stampFile, JSON.stringify(wanted, null, 2) + '\n');
}
fs.rmSync(tmpRoot, { recursive: true, force: true });

if (!ok) {
  fail([
    '无法准备 Electron 版 better-sqlite3 模块。',
    '  · 预编译文件需从 GitHub 下载：请确认已联网（或设置代理 HTTPS_PROXY）后重新运行 npm start；',
    '  · 本机编译需要 Python 3 与 C++ 编译工具（Windows：Visual Studio 生成工具，勾选“使用 C++ 的桌面开发”）。',
    'Could not prepare better-sqlite3 for Electron: the prebuilt download needs internet access (or HTTPS_PROXY),',
    'and compiling needs Python 3 and a C++ toolchain (Windows: Visual Studio Build Tools, "Desktop development with C++").',
    '不需要桌面窗口时，可用浏览器模式 / without Electron, use browser mode:  npm run serve',
  ]);
}
say('Electron 版 SQLite 模块已就绪', `native module ready: ${path.relative(projectRoot, target)}`);
