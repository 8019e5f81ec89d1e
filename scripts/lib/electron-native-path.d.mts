// Types for electron-native-path.mjs (kept as JS so plain `node` can run the prepare script).

export declare const NATIVE_DIR: '.native';
export declare const BINDING_FILE: 'better_sqlite3.node';
export declare const BUILD_INFO_FILE: 'build-info.json';
export declare const PACKAGED_NATIVE_DIR: 'native';

export interface BuildInfo {
  electronVersion: string;
  platform: string;
  arch: string;
  abi: string;
}

export declare function nativeVersionDir(electronVersion: string): string;
export declare function devNativeBindingPath(projectRoot: string, electronVersion: string): string;
export declare function packagedNativeBindingPath(resourcesPath: string, electronVersion: string): string;
export declare function resolveNativeBinding(opts: {
  isPackaged: boolean;
  appPath: string;
  resourcesPath: string;
  electronVersion: string;
}): string;
export declare function buildInfo(info: BuildInfo): BuildInfo;
export declare function buildInfoMatches(stamp: unknown, wanted: BuildInfo): boolean;
export declare function electronExecutablePath(
  electronPackageDir: string,
  pathTxt: string | null,
  env?: { ELECTRON_OVERRIDE_DIST_PATH?: string | undefined },
): string | null;
export declare function prebuildInstallArgs(opts: { electronVersion: string; platform: string; arch: string }): string[];
export declare function nodeGypArgs(opts: { electronVersion: string; arch: string }): string[];
export declare function nodeGypCandidates(opts: {
  npmConfigNodeGyp?: string | undefined;
  npmExecPath?: string | undefined;
  projectRoot: string;
  execPath: string;
  platform: string;
}): string[];
export declare function skipInTempCopy(relPath: string): boolean;
