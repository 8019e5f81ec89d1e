// The one cap on a file the app reads into memory: the desktop open dialog, the browser's
// file picker and drag-and-drop all check it before reading, so a huge file never reaches
// the parser. It IS the contract's workbook limit (src/domain/text-limits.ts WORKBOOK_MAX_BYTES,
// from which the Api's base64 bound BASE64_MAX derives): one number, so a file the picker
// accepts is never refused by the contract, and the other way round. Pure.
import { ApiError } from './api/errors';
import { WORKBOOK_MAX_BYTES } from './text-limits';

export const OPEN_FILE_MAX_BYTES = WORKBOOK_MAX_BYTES;

/** The cap as people read it: "50 MB". */
export const OPEN_FILE_MAX_LABEL = `${Math.round(OPEN_FILE_MAX_BYTES / 1024 / 1024)} MB`;

export function isFileTooLarge(bytes: number): boolean {
  return bytes > OPEN_FILE_MAX_BYTES;
}

export function fileTooLargeError(fileName: string, bytes: number): ApiError {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  const message = `文件过大（${mb} MB），上限为 ${OPEN_FILE_MAX_LABEL}`;
  return new ApiError('bad_file', message, [{ file: fileName, message }]);
}
