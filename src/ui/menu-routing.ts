// Where each desktop menu command goes: a route to show, and whether the page must act on it.
import type { MenuCommand } from './menu-commands';
import { DEFAULT_PRINT_CHOICE, printHash, type PrintChoice } from './print-choice';

export function menuTarget(cmd: MenuCommand, choice: PrintChoice = DEFAULT_PRINT_CHOICE): { hash: string | null; forward: boolean } {
  switch (cmd) {
    case 'show-register':
      return { hash: '#/', forward: false };
    case 'show-gantt':
      return { hash: '#/gantt', forward: false };
    case 'show-dashboard':
      return { hash: '#/dashboard', forward: false };
    // the one-page brief is always A4 portrait, whatever the Gantt's last paper was
    case 'print-dashboard':
      return { hash: '#/print/dashboard?paper=A4&action=print', forward: false };
    case 'export-dashboard-pdf':
      return { hash: '#/print/dashboard?paper=A4&action=pdf', forward: false };
    case 'print':
      return { hash: printHash(choice, 'print'), forward: false };
    case 'export-pdf':
      return { hash: printHash(choice, 'pdf'), forward: false };
    case 'import-annex':
    case 'export-annex':
    case 'export-summary':
      return { hash: '#/', forward: true };
    case 'export-gantt':
      return { hash: '#/gantt', forward: true };
  }
}
