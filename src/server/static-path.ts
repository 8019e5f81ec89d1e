// Which file under the web root a request path names: pure, so the refusal rules are tested
// on both POSIX and Windows path semantics. The root check compares resolved paths with
// path.relative; a string prefix would let /../dist-web-secret/x out of dist-web.
import nodePath from 'node:path';

export type StaticTarget =
  | { kind: 'file'; file: string }
  /** the root itself (or an empty path): the caller serves index.html */
  | { kind: 'index' }
  | { kind: 'refused'; status: 400 | 404; reason: string };

/** Device names that Windows opens whatever the folder or extension (CON, NUL.txt, COM1 …). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** True when `file` is `root` or below it, compared as resolved paths. */
export function isInside(root: string, file: string, path: nodePath.PlatformPath = nodePath): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(file));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

export function staticTarget(root: string, rawUrl: string, path: nodePath.PlatformPath = nodePath): StaticTarget {
  // origin-form only; absolute-form and '*' are not for a file server
  if (!rawUrl.startsWith('/')) return { kind: 'refused', status: 400, reason: '请求地址必须以 / 开头' };
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'refused', status: 400, reason: '网址中的 % 编码无效' };
  }
  // NUL and control characters, backslashes (a separator on Windows) and colons (drive
  // letters, NTFS streams like index.html::$DATA) never occur in the built UI's file names.
  if (/[\u0000-\u001f\u007f\\:]/.test(decoded)) return { kind: 'refused', status: 400, reason: '网址含有不允许的字符' };
  const rel = decoded.replace(/^\/+/, '');
  if (rel === '') return { kind: 'index' };
  const segments = rel.split('/');
  if (segments.some((s) => WINDOWS_DEVICE.test(s.replace(/[. ]+$/, '')))) {
    return { kind: 'refused', status: 404, reason: '不提供设备名称' };
  }
  const file = path.resolve(root, rel);
  if (!isInside(root, file, path)) return { kind: 'refused', status: 404, reason: '路径在界面文件夹之外' };
  return file === path.resolve(root) ? { kind: 'index' } : { kind: 'file', file };
}
