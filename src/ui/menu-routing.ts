// Where each desktop menu command goes: a route to show, and whether the page must act on it.
import type { MenuCommand } from './menu-commands';

export function menuTarget(cmd: MenuCommand): { hash: string | null; forward: boolean } {
  switch (cmd) {
    case 'show-register':
      return { hash: '#/', forward: false };
    case 'show-gantt':
      return { hash: '#/gantt', forward: false };
    case 'print':
      return { hash: '#/print/gantt?paper=A3&action=print', forward: false };
    case 'export-pdf':
      return { hash: '#/print/gantt?paper=A3&action=pdf', forward: false };
    case 'import-annex':
    case 'export-annex':
    case 'export-summary':
      return { hash: '#/', forward: true };
    case 'export-gantt':
      return { hash: '#/gantt', forward: true };
  }
}
