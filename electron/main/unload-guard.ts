// A page with unsaved edits sets onbeforeunload (src/ui/pages/ProjectPage.tsx). Electron shows
// no prompt for it: closing the window or 重新加载 is then silently cancelled and the window
// looks hung. Ask instead, with a native dialog; 离开 lets the unload go on.
import { BrowserWindow, dialog, type WebContents } from 'electron';

export const LEAVE_BUTTON = 0;
export const STAY_BUTTON = 1;

export const UNLOAD_DIALOG: Electron.MessageBoxSyncOptions = {
  type: 'question',
  title: '尚未保存',
  message: '有尚未保存的修改，确定要离开吗？',
  detail: '选择“离开”，这些修改将丢失；选择“留下”，可以继续编辑并保存。',
  buttons: ['离开', '留下'],
  defaultId: STAY_BUTTON,
  cancelId: STAY_BUTTON,
  noLink: true,
};

export function installUnloadGuard(contents: WebContents): void {
  contents.on('will-prevent-unload', (event) => {
    const win = BrowserWindow.fromWebContents(contents);
    // synchronous on purpose: the unload waits for the answer (Electron's documented pattern)
    const choice = win ? dialog.showMessageBoxSync(win, UNLOAD_DIALOG) : dialog.showMessageBoxSync(UNLOAD_DIALOG);
    if (choice === LEAVE_BUTTON) event.preventDefault();
  });
}
