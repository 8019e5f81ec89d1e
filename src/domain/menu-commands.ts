// Commands the desktop application menu (electron/main/menu.ts) sends to the renderer,
// through the preload. Shared by electron/ and src/ui, so it lives here. The browser
// build has no application menu; the same actions are buttons on the pages.

export const MENU_COMMANDS = [
  'import-annex',
  'export-annex',
  'export-summary',
  'export-gantt',
  'print',
  'export-pdf',
  'show-register',
  'show-gantt',
  'show-dashboard',
  'print-dashboard',
  'export-dashboard-pdf',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
