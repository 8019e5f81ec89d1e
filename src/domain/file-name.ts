// The one rule for a file name the app suggests or writes (export names, the save dialog's
// default name, printed PDFs): a plain name that Windows accepts, with no folder part.
// Used by the backend's exports and by the desktop shell's save dialogs. Pure.

// Forbidden by Windows in a name (and / \ would make it a path), plus C0 controls and DEL.
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g;
// Bidi overrides/isolates and zero-width characters: they make "xlsx.exe" display as "exe.xlsx".
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
// Device names Windows reserves, with or without an extension ("CON.xlsx" cannot be created).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/** Windows allows 255 UTF-16 units per name; leave room for " (2)" and the like. */
export const FILE_NAME_MAX_LENGTH = 200;

function truncateKeepingExtension(name: string): string {
  if (name.length <= FILE_NAME_MAX_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  let base = '';
  // for…of walks code points, so a surrogate pair is never split
  for (const c of ext === '' ? name : name.slice(0, dot)) {
    if (base.length + c.length + ext.length > FILE_NAME_MAX_LENGTH) break;
    base += c;
  }
  return `${base.replace(/[. ]+$/u, '')}${ext}`;
}

/**
 * A plain file name that Windows accepts: forbidden characters and runs of them become "_",
 * invisible direction marks are removed, trailing dots and spaces (which Windows drops) are
 * removed, reserved device names get a "_" prefix, and over-long names are cut keeping the
 * extension. Returns `fallback` when nothing usable is left ("", ".", "..").
 */
export function safeFileName(name: string, fallback = '导出文件'): string {
  const cleaned = name.normalize('NFC').replace(INVISIBLE, '').replace(FORBIDDEN, '_').trim().replace(/[. ]+$/u, '');
  if (cleaned === '') return fallback;
  const unreserved = RESERVED.test(cleaned) ? `_${cleaned}` : cleaned;
  return truncateKeepingExtension(unreserved);
}
