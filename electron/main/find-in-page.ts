// Find-in-page (Ctrl+F) for the renderer's find bar: Chromium's own search of the window,
// answered with the match count once Chromium reports its final update. Registered with
// the other shell channels (shell-handlers.ts), so it gets the same sender check.
import type { IpcMainInvokeEvent } from 'electron';
import { ApiError } from '../../src/domain/api/errors';
import type { FindInPageResult } from '../../src/domain/desktop-bridge';

/** longer text is refused: nobody searches a page for a paragraph */
export const FIND_TEXT_MAX = 200;
/** Chromium answers within milliseconds; an answer that never comes must not hang the bar */
const FOUND_TIMEOUT_MS = 2_000;

export interface FindRequest {
  text: string;
  forward: boolean;
  findNext: boolean;
}

/** The payload checked: text of at most FIND_TEXT_MAX characters, booleans defaulting sensibly. */
export function findRequest(payload: unknown): FindRequest {
  if (typeof payload !== 'object' || payload === null) throw new ApiError('invalid', '参数无效');
  const input: Record<string, unknown> = { ...payload };
  if (typeof input.text !== 'string') throw new ApiError('invalid', '参数 text 应为文本', [{ field: 'text', message: '应为文本' }]);
  if (input.text.length > FIND_TEXT_MAX) {
    throw new ApiError('invalid', `查找内容不能超过 ${FIND_TEXT_MAX} 个字`, [{ field: 'text', message: `不能超过 ${FIND_TEXT_MAX} 个字` }]);
  }
  return { text: input.text, forward: input.forward !== false, findNext: input.findNext === true };
}

interface FoundInPage {
  requestId: number;
  matches: number;
  activeMatchOrdinal: number;
  finalUpdate: boolean;
}

export function findInPage(event: IpcMainInvokeEvent, payload: unknown): Promise<FindInPageResult> {
  const { text, forward, findNext } = findRequest(payload);
  const contents = event.sender;
  if (text === '') {
    contents.stopFindInPage('clearSelection');
    return Promise.resolve({ matches: 0, active: 0 });
  }
  return new Promise((resolve) => {
    let requestId = -1;
    const done = (result: FindInPageResult) => {
      clearTimeout(timer);
      contents.removeListener('found-in-page', onFound);
      resolve(result);
    };
    const onFound = (_e: unknown, found: FoundInPage) => {
      if (found.requestId === requestId && found.finalUpdate) done({ matches: found.matches, active: found.activeMatchOrdinal });
    };
    const timer = setTimeout(() => done({ matches: 0, active: 0 }), FOUND_TIMEOUT_MS);
    contents.on('found-in-page', onFound);
    requestId = contents.findInPage(text, { forward, findNext });
  });
}
