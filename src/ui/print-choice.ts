// The paper and range last chosen on the Gantt page, so 文件 → 打印 / 导出PDF use them too.
import type { Paper } from '../domain/paper';

export interface PrintChoice {
  paper: Paper;
  range: string;
}

const KEY = 'tracker.printChoice';
export const DEFAULT_PRINT_CHOICE: PrintChoice = { paper: 'A3', range: 'plan' };

export function loadPrintChoice(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): PrintChoice {
  try {
    const v: unknown = JSON.parse(storage?.getItem(KEY) ?? 'null');
    if (typeof v === 'object' && v !== null && 'paper' in v && 'range' in v && typeof v.range === 'string') {
      return { paper: v.paper === 'A4' ? 'A4' : 'A3', range: v.range };
    }
  } catch {
    // unreadable: fall back to the defaults
  }
  return DEFAULT_PRINT_CHOICE;
}

export function savePrintChoice(choice: PrintChoice, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify(choice));
  } catch {
    // storage full or disabled: the choice just isn't remembered
  }
}

export function printHash(choice: PrintChoice, action?: 'print' | 'pdf', planId?: number): string {
  const q = new URLSearchParams({ paper: choice.paper, range: choice.range });
  if (planId !== undefined) q.set('plan', String(planId));
  if (action) q.set('action', action);
  return `#/print/gantt?${q.toString()}`;
}
