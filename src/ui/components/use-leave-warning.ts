// Asks before unsaved edits are lost: the browser's own prompt when the window closes or reloads
// (Electron answers it in electron/main's will-prevent-unload), and a 保存 / 不保存 / 取消 dialog
// when the hash route changes (a link, the breadcrumb, the top bar, 上一个/下一个).
import { useEffect, useRef, useState } from 'react';
import { setRouteBlocker } from '../router';

export function useLeaveWarning(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

export interface LeaveGuard {
  /** the hash the person tried to go to, while the dialog is open */
  pending: string | null;
  /** 取消: stay, with the edits */
  stay: () => void;
  /** 不保存: go, dropping the edits */
  discard: () => void;
  /** 保存: save, and go only when the save succeeded */
  saveAndGo: () => Promise<void>;
}

/**
 * Holds a route change while `dirty`: the router asks this blocker before it follows a new hash;
 * the blocker puts the previous address back (replaceState fires no second hashchange) and opens
 * the dialog.
 */
export function useLeaveGuard(dirty: boolean, save: () => Promise<boolean>): LeaveGuard {
  const [pending, setPending] = useState<string | null>(null);
  const current = useRef(window.location.hash);
  const allow = useRef(false);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => {
    current.current = window.location.hash;
    setRouteBlocker((target) => {
      if (allow.current || !dirtyRef.current || target === current.current) {
        allow.current = false;
        current.current = target;
        return false;
      }
      window.history.replaceState(window.history.state, '', current.current || '#/');
      setPending(target);
      return true;
    });
    return () => setRouteBlocker(null);
  }, []);

  useLeaveWarning(dirty);

  const go = (target: string) => {
    setPending(null);
    allow.current = true;
    window.location.hash = target;
  };

  return {
    pending,
    stay: () => setPending(null),
    discard: () => {
      if (pending !== null) go(pending);
    },
    saveAndGo: async () => {
      const target = pending;
      if (target === null) return;
      if (await save()) go(target);
      else setPending(null);
    },
  };
}
