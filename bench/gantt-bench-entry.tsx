// Bench-only page script (bundled by bench/gantt.bench.ts, never shipped): mounts our
// GanttChart or frappe-gantt on the same synthetic rows and times them in the browser.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import GanttChart from '../src/ui/gantt/GanttChart';
import { syntheticGanttData } from '../src/ui/gantt/synthetic-data';
import { plannedWindow } from '../src/domain/schedule';

interface FrappeTask {
  id: string;
  name: string;
  start: string;
  end: string;
  progress: number;
}

declare global {
  interface Window {
    Gantt?: new (el: HTMLElement, tasks: FrappeTask[], options: Record<string, unknown>) => unknown;
    ganttBench?: GanttBench;
  }
}

interface GanttBench {
  /** renders 15 rows off-screen and removes them: the app has React and its code warm
   * by the time anyone opens the Gantt, so a cold JIT is not part of the figure */
  warm(lib: 'ours' | 'frappe'): Promise<void>;
  mountOurs(n: number): Promise<number>;
  mountFrappe(n: number): Promise<number>;
  scroll(selector: string, frames: number, step: number): Promise<number[]>;
}

const VIEW = { width: 1400, height: 800 };

/** resolves after the frame that shows the render has been produced */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

function host(): HTMLElement {
  const el = document.getElementById('app');
  if (!el) throw new Error('no #app');
  el.style.cssText = `width:${VIEW.width}px;height:${VIEW.height}px;display:flex;flex-direction:column`;
  return el;
}

function frappeTasks(n: number): FrappeTask[] {
  // the same rows, flat (frappe-gantt has no grouping); its end date is inclusive too
  return syntheticGanttData(n).projects.map((gp) => {
    const w = plannedWindow(gp.project);
    return { id: `p${gp.project.id}`, name: gp.project.name, start: w.start, end: w.end, progress: gp.percent ?? 0 };
  });
}

const FRAPPE_OPTIONS = {
  view_mode: 'Month',
  container_height: VIEW.height,
  readonly: true,
  scroll_to: 'start',
  today_button: false,
  infinite_padding: false,
};

window.ganttBench = {
  async warm(lib) {
    const el = document.createElement('div');
    el.style.cssText = `position:absolute;left:-5000px;top:0;width:${VIEW.width}px;height:${VIEW.height}px;display:flex;flex-direction:column`;
    document.body.append(el);
    if (lib === 'ours') {
      const root = createRoot(el);
      flushSync(() => root.render(<GanttChart data={syntheticGanttData(15)} groupBy="category" zoom="month" initialViewport={VIEW} />));
      await painted();
      root.unmount();
    } else {
      const Gantt = window.Gantt;
      if (!Gantt) throw new Error('frappe-gantt not loaded');
      new Gantt(el, frappeTasks(15), FRAPPE_OPTIONS);
      await painted();
    }
    el.remove();
  },

  async mountOurs(n) {
    // data is made before the clock starts, for both libraries alike
    const data = syntheticGanttData(n);
    const el = host();
    const t0 = performance.now();
    const root = createRoot(el);
    flushSync(() => root.render(<GanttChart data={data} groupBy="category" zoom="month" initialViewport={VIEW} />));
    await painted();
    return performance.now() - t0;
  },

  async mountFrappe(n) {
    const tasks = frappeTasks(n);
    const Gantt = window.Gantt;
    if (!Gantt) throw new Error('frappe-gantt not loaded');
    const el = host();
    const t0 = performance.now();
    new Gantt(el, tasks, FRAPPE_OPTIONS);
    await painted();
    return performance.now() - t0;
  },

  scroll(selector, frames, step) {
    const el = document.querySelector(selector);
    if (!el) return Promise.reject(new Error(`no ${selector}`));
    return new Promise((resolve) => {
      const stamps: number[] = [];
      const tick = (ts: number): void => {
        stamps.push(ts);
        if (stamps.length > frames) {
          resolve(stamps.slice(1).map((t, i) => t - (stamps[i] ?? t)));
          return;
        }
        // wrap around so long runs keep scrolling through fresh rows
        el.scrollTop = el.scrollTop + step >= el.scrollHeight - el.clientHeight ? 0 : el.scrollTop + step;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  },
};
