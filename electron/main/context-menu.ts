// The right-click menu: 撤销/重做/剪切/复制/粘贴/全选 on editable fields, 复制 on selected text,
// nothing elsewhere. Electron shows no context menu by default, and office staff expect one
// to paste figures into a form. The template is pure (tested); roles do the work in Chromium.
import { BrowserWindow, Menu, type ContextMenuParams, type MenuItemConstructorOptions, type WebContents } from 'electron';

export type ContextMenuFacts = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>;

export function contextMenuTemplate(params: ContextMenuFacts): MenuItemConstructorOptions[] {
  const flags = params.editFlags;
  if (params.isEditable) {
    return [
      { label: '撤销', role: 'undo', enabled: flags.canUndo },
      { label: '重做', role: 'redo', enabled: flags.canRedo },
      { type: 'separator' },
      { label: '剪切', role: 'cut', enabled: flags.canCut },
      { label: '复制', role: 'copy', enabled: flags.canCopy },
      { label: '粘贴', role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { label: '全选', role: 'selectAll', enabled: flags.canSelectAll },
    ];
  }
  if (params.selectionText.trim() !== '') return [{ label: '复制', role: 'copy', enabled: flags.canCopy }];
  return [];
}

export function installContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params);
    if (template.length === 0) return;
    const win = BrowserWindow.fromWebContents(contents);
    Menu.buildFromTemplate(template).popup(win ? { window: win } : {});
  });
}
