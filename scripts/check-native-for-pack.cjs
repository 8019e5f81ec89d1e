// electron-builder beforePack hook: refuse to package without an Electron-ABI
// better-sqlite3 built for the target OS and architecture (an installer that cannot
// open its database is worse than a failed build).
const fs = require('node:fs');
const path = require('node:path');

// electron-builder's Arch enum: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal
const ARCH = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

exports.default = async function checkNativeForPack(context) {
  const root = context.packager.projectDir;
  const electronVersion = context.packager.config.electronVersion
    || require(path.join(root, 'node_modules', 'electron', 'package.json')).version;
  const dir = path.join(root, '.native', `electron-${electronVersion}`);
  const platform = context.electronPlatformName;
  const arch = ARCH[context.arch] ?? String(context.arch);
  let stamp = null;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(dir, 'build-info.json'), 'utf8'));
  } catch {
    stamp = null;
  }
  const ok = fs.existsSync(path.join(dir, 'better_sqlite3.node')) && stamp
    && stamp.platform === platform && stamp.arch === arch && stamp.electronVersion === electronVersion;
  if (!ok) {
    throw new Error(
      `缺少 ${platform}-${arch} 的 Electron ${electronVersion} 版 better-sqlite3（${dir}）。` +
      '请在目标系统上先运行 node scripts/prepare-electron-sqlite.mjs。 / ' +
      `Missing the Electron ${electronVersion} better-sqlite3 build for ${platform}-${arch}: run ` +
      'node scripts/prepare-electron-sqlite.mjs on the target OS first.',
    );
  }
};
