// Desktop menu commands for the page that owns the action. A command that arrives while
// that page is not mounted yet (the menu also navigates to it) waits here until it mounts.
import { useEffect, useRef } from 'react';
import type { MenuCommand } from './menu-commands';

/** returns true when it handled the command */
type Handler = (cmd: MenuCommand) => boolean;

let pending: MenuCommand | null = null;
const handlers = new Set<Handler>();

export function postMenuCommand(cmd: MenuCommand): void {
  for (const h of handlers) if (h(cmd)) return;
  pending = cmd;
}

export function useMenuCommands(handler: Handler): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const h: Handler = (cmd) => latest.current(cmd);
    handlers.add(h);
    if (pending !== null && h(pending)) pending = null;
    return () => {
      handlers.delete(h);
    };
  }, []);
}
