// IPC channel names shared by main and preload; the renderer never sees them.

/** the one channel for every Api method: invoke('api', method, input) */
export const API_CHANNEL = 'api';

/** things only a desktop shell can do */
export const SHELL_CHANNELS = {
  saveFile: 'desktop:saveFile',
  openFile: 'desktop:openFile',
  printPdf: 'desktop:printPdf',
  print: 'desktop:print',
  findInPage: 'desktop:findInPage',
} as const;

/** main → renderer: an application-menu command (payload: MenuCommand) */
export const MENU_COMMAND_CHANNEL = 'desktop:menuCommand';
