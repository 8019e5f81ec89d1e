// The bench's verdicts (bench/results.ts): a scroll is judged in display frames against frappe-gantt.
import { describe, expect, it } from 'vitest';
import { displayFrames, judge } from '../../bench/results';

const gantt = (ours: number, frappe: number) => ({
  gantt: { rows1000: { oursRenderMs: 50, frappeRenderMs: 900, oursFrameP95Ms: ours, frappeFrameP95Ms: frappe } },
});

describe('bench verdicts', () => {
  it('counts a requestAnimationFrame delta in 60 Hz frames', () => {
    expect(displayFrames(16.7)).toBe(1);
    expect(displayFrames(16.8)).toBe(1);
    expect(displayFrames(8)).toBe(1);
    expect(displayFrames(33.4)).toBe(2);
    expect(displayFrames(50)).toBe(3);
  });

  it('a p95 0.1 ms above frappe-gantt\'s is the same frame; a frame more is worse; 17 ms stays the cap', () => {
    const scroll = (ours: number, frappe: number) => judge(gantt(ours, frappe)).find((v) => v.what.startsWith('Gantt scroll'))?.met;
    expect(scroll(16.8, 16.7)).toBe(true);
    expect(scroll(16.8, 33.4)).toBe(true);
    expect(scroll(33.4, 16.7)).toBe(false);
    expect(scroll(17.5, 33.4)).toBe(false);
  });
});
