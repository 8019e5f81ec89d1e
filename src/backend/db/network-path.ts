// SQLite over SMB corrupts data (broken byte-range locks), so network paths are refused.
import { execFileSync } from 'node:child_process';

/** UNC paths (\\server\share, //server/share) are network paths on Windows. */
export function isUncPath(p: string): boolean {
  return /^(\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.test(p) && !/^\\\\\?\\[a-zA-Z]:/.test(p);
}

/** Drive letter of an absolute Windows path, upper-case, or null. */
export function driveLetter(p: string): string | null {
  const m = /^(?:\\\\\?\\)?([a-zA-Z]):/.exec(p);
  return m?.[1] ? m[1].toUpperCase() : null;
}

/** Asks Windows whether a drive is a network drive (DriveType 4). */
function isMappedNetworkDrive(letter: string): boolean {
  try {
    const out = execFileSync(
      'powershell.exe',
      ['-NoProfile', '-Command', `(Get-CimInstance Win32_LogicalDisk -Filter "DeviceID='${letter}:'").DriveType`],
      { encoding: 'utf8', timeout: 5000, windowsHide: true },
    );
    return out.trim() === '4';
  } catch {
    return false;
  }
}

export function networkPathProblem(
  p: string,
  platform: NodeJS.Platform = process.platform,
  isNetworkDrive: (letter: string) => boolean = isMappedNetworkDrive,
): string | null {
  if (platform !== 'win32') return null;
  const why = '数据库不能放在网络共享上（SQLite 在网络共享上会损坏数据），请改用本机磁盘上的路径';
  if (isUncPath(p)) return `${why}：${p}`;
  const letter = driveLetter(p);
  if (letter && isNetworkDrive(letter)) return `${why}：${letter}: 是映射的网络驱动器（${p}）`;
  return null;
}
