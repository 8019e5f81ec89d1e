// The register's head start: the request main.tsx (or public/early-register.js, before the
// bundle) sends is taken once by the page, only for the same input, and an answer already here
// is on the page's first render.
import fs from 'node:fs';
import path from 'node:path';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegisterRow, RegisterRows } from '../../src/domain/api/register';
import { packRegisterRows } from '../../src/domain/api/register-columns';
import { firstAnswer, type RegisterFirst } from '../../src/domain/api/register-first';
import { ApiError } from '../../src/domain/api/errors';
import { firstWindowRows, registerInputFor, settledWithin, startRegister, takeStartedRegister } from '../../src/ui/start-register';
import { useRegisterRows } from '../../src/ui/register/use-register-rows';

const sent = vi.hoisted(() => ({ calls: [] as { method: string; input: unknown }[], replies: new Map<string, unknown>() }));
vi.mock('../../src/ui/api-client', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/ui/api-client')>();
  return {
    ...real,
    send: (method: string, input: unknown) => {
      sent.calls.push({ method, input });
      return Promise.resolve(sent.replies.get(method) ?? { asked: method });
    },
  };
});

const ROWS = { plan: { id: 1 }, rows: {} } as unknown as RegisterFirst; // only passed through

/** a register of n projects, 序号 1…n */
function register(n: number): RegisterRows {
  const row = (i: number): RegisterRow => ({
    id: 100 + i, seq: i + 1, name: `项目${i + 1}`, category: '养老', nature: '新建', owner: '民政局', locationText: '公平镇', scaleText: '',
    investmentYuan: 1000 * (i + 1), startYear: 2021, endYear: 2025, startDate: null, endDate: null, remark: '', siteCount: 1, towns: ['公平镇'],
    facts: { percent: null, stage: null, light: i % 2 === 0 ? 'green' : 'red', lightReason: '', lastReportMonth: null, completedInvestmentYuan: 10 },
    townShares: [{ town: '公平镇', shareYuan: 1000 * (i + 1), siteCount: 1 }], siteTexts: ['公平镇'],
  });
  const plan = { id: 1, title: '规划', startYear: 2021, endYear: 2025 } as RegisterRows['plan']; // only shown through
  return { plan, totalInvestmentYuan: 0, siteCount: n, categories: ['养老'], towns: ['公平镇'], projects: Array.from({ length: n }, (_, i) => row(i)) };
}
const early = (key: string, reply: unknown) => {
  const settled = { status: 200, body: reply };
  window.registerEarly = { key, settled, reply: Promise.resolve(settled) };
};

/** read through a function: TypeScript would keep the narrowing of a `delete` above across the script's run */
const earlyKey = (): string | undefined => window.registerEarly?.key;

afterEach(() => {
  sent.calls = [];
  sent.replies.clear();
  delete window.registerEarly;
  takeStartedRegister({});
  takeStartedRegister({ planId: 2 });
});

describe('start-register', () => {
  it('knows the register routes and their plan', () => {
    expect(registerInputFor('')).toEqual({});
    expect(registerInputFor('#/')).toEqual({});
    expect(registerInputFor('#/?plan=2&light=red')).toEqual({ planId: 2 });
    expect(registerInputFor('#/gantt?plan=2')).toBeNull();
    expect(registerInputFor('#/project/3')).toBeNull();
  });

  it('hands the started request over once, and only for the same input', async () => {
    startRegister('#/?plan=2');
    expect(sent.calls).toEqual([{ method: 'register.first', input: { planId: 2, rows: firstWindowRows(window.innerHeight) } }]);
    expect(takeStartedRegister({})).toBeNull();
    const answer = takeStartedRegister({ planId: 2 });
    expect(await answer?.promise).toEqual({ asked: 'register.first' });
    expect(takeStartedRegister({ planId: 2 })).toBeNull();
  });

  it('sends nothing for another page', () => {
    startRegister('#/settings');
    expect(sent.calls).toEqual([]);
    expect(takeStartedRegister({})).toBeNull();
  });

  it("takes early-register.js's reply, already read, without a request of its own", () => {
    early('{}', { ok: true, result: ROWS });
    startRegister('#/');
    expect(sent.calls).toEqual([]);
    expect(takeStartedRegister({})?.value).toBe(ROWS);
  });

  it("gives early-register.js's error reply as the page's error", async () => {
    early('{}', { ok: false, error: { code: 'not_found', message: '还没有规划', issues: [] } });
    startRegister('#/');
    const answer = takeStartedRegister({});
    await expect(answer?.promise).rejects.toThrow(ApiError);
    await expect(answer?.promise).rejects.toThrow('还没有规划');
  });

  it("asks afresh when early-register.js asked for another plan", () => {
    early('{"planId":5}', { ok: true, result: ROWS });
    startRegister('#/?plan=2');
    expect(sent.calls).toEqual([{ method: 'register.first', input: { planId: 2, rows: firstWindowRows(window.innerHeight) } }]);
    expect(window.registerEarly).toBeUndefined();
  });

  it('early-register.js (async) asks nothing once the bundle has started: the app has asked itself', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../src/ui/public/early-register.js'), 'utf8');
    const fetchStub = vi.fn(() => new Promise<Response>(() => undefined));
    vi.stubGlobal('fetch', fetchStub);
    window.appStarted = true;
    try {
      delete window.registerEarly;
      delete window.earlyRequests;
      new Function(source)();
      expect(fetchStub).not.toHaveBeenCalled();
      expect(window.registerEarly).toBeUndefined();
      expect(window.earlyRequests).toBeUndefined();
    } finally {
      delete window.appStarted;
      vi.unstubAllGlobals();
    }
  });

  it('early-register.js reads the same input from every hash as the app does', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../src/ui/public/early-register.js'), 'utf8');
    const fetchStub = vi.fn(() => new Promise<Response>(() => undefined));
    vi.stubGlobal('fetch', fetchStub);
    try {
      for (const hash of ['', '#/', '#/?plan=3', '#/?plan=3&light=red&q=养老', '#/?plan=x', '#/?plan=0', '#/gantt', '#/project/2', '#/report?plan=1']) {
        window.history.replaceState(null, '', hash || '#');
        delete window.registerEarly;
        new Function(source)();
        const input = registerInputFor(hash);
        expect(earlyKey(), hash).toBe(input === null ? undefined : JSON.stringify(input));
        if (input !== null) {
          // the stub's own calls: fetch(url, init)
          const calls = fetchStub.mock.calls as unknown as [string, RequestInit][];
          const init = calls.findLast(([url]) => url === './api/register.first')?.[1];
          expect(JSON.parse(String(init?.body)), hash).toEqual({ ...input, rows: firstWindowRows(window.innerHeight) });
        }
        // the frame's own first requests: the banner's on every page, the plan picker's on the register
        const asked = Object.keys(window.earlyRequests ?? {}).sort();
        expect(asked, hash).toEqual(input === null ? ['meta.get'] : ['meta.get', 'plans.list']);
      }
    } finally {
      vi.unstubAllGlobals();
      window.history.replaceState(null, '', '#/');
    }
  });
});

describe('the first render\'s short wait for the register (settledWithin)', () => {
  afterEach(() => vi.useRealTimers());
  const done = (p: Promise<void>): (() => boolean) => {
    let settled = false;
    void p.then(() => (settled = true));
    return () => settled;
  };

  it('returns what startRegister sent: the answer on the register, null elsewhere', () => {
    early('{}', { ok: true, result: ROWS });
    expect(startRegister('#/')?.value).toEqual(ROWS);
    expect(startRegister('#/settings')).toBeNull();
  });

  it('does not wait for an answer already here, or on another page', async () => {
    vi.useFakeTimers();
    const here = done(settledWithin({ promise: Promise.resolve(1), value: 1 }, 300));
    const none = done(settledWithin(null, 300));
    await vi.advanceTimersByTimeAsync(0);
    expect(here()).toBe(true);
    expect(none()).toBe(true);
  });

  it('waits for the answer, or its failure, but no longer than the limit', async () => {
    vi.useFakeTimers();
    let answer: (v: number) => void = () => undefined;
    const coming = done(settledWithin({ promise: new Promise<number>((r) => (answer = r)) }, 300));
    let fail: (e: Error) => void = () => undefined;
    const failing = done(settledWithin({ promise: new Promise<number>((_, r) => (fail = r)) }, 300));
    const never = done(settledWithin({ promise: new Promise<number>(() => undefined) }, 300));
    await vi.advanceTimersByTimeAsync(50);
    expect([coming(), failing(), never()]).toEqual([false, false, false]);
    answer(1);
    fail(new Error('down'));
    await vi.advanceTimersByTimeAsync(0);
    expect([coming(), failing(), never()]).toEqual([true, true, false]);
    await vi.advanceTimersByTimeAsync(250);
    expect(never()).toBe(true);
  });
});

describe('useRegisterRows with an early answer', () => {
  it('a small plan: the first answer is the whole register, on the first render, without asking again', () => {
    const small = register(15);
    const first = firstAnswer(small, 40);
    expect(first.complete).toBe(true);
    early('{}', { ok: true, result: first });
    startRegister('#/');
    const { result } = renderHook(() => useRegisterRows(undefined));
    expect(result.current.data?.projects).toEqual(small.projects);
    expect(result.current.first).toBeNull();
    expect(result.current.loading).toBe(false);
    expect(sent.calls).toEqual([]);
  });

  it('a large plan: the first window with the whole plan\'s totals, then every row', async () => {
    const big = register(500);
    // the plan's rows in another order: the window is still the default order's first rows
    const first = firstAnswer({ ...big, projects: [...big.projects].reverse() }, 40);
    expect(first.complete).toBe(false);
    early('{}', { ok: true, result: first });
    sent.replies.set('register.columns', packRegisterRows(big));
    startRegister('#/');
    const { result } = renderHook(() => useRegisterRows(undefined));
    expect(result.current.data).toBeNull();
    expect(result.current.first?.rows.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(result.current.first?.projectCount).toBe(500);
    expect(result.current.first?.totals).toEqual({ count: 500, investmentYuan: 125_250_000, shareYuan: 125_250_000, siteCount: 500, completedInvestmentYuan: 5000 });
    expect(result.current.first?.lightCounts).toEqual({ red: 250, yellow: 0, green: 250, done: 0, grey: 0 });
    // the page's header and filter labels, before every row is here
    expect(result.current.head?.plan).toEqual(big.plan);
    expect(result.current.projectCount).toBe(500);
    expect(result.current.lightCounts).toEqual({ red: 250, yellow: 0, green: 250, done: 0, grey: 0 });
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.data?.projects).toEqual(big.projects));
    expect(result.current.first).toBeNull();
    expect(result.current.projectCount).toBe(500);
    expect(result.current.lightCounts).toEqual({ red: 250, yellow: 0, green: 250, done: 0, grey: 0 });
    expect(result.current.loading).toBe(false);
    expect(sent.calls).toEqual([{ method: 'register.columns', input: {} }]);
  });

  it('a large plan opened on a filtered or sorted view: no first window (it is in the default order), every row then', async () => {
    const big = register(500);
    early('{}', { ok: true, result: firstAnswer(big, 40) });
    sent.replies.set('register.columns', packRegisterRows(big));
    startRegister('#/');
    const { result } = renderHook(() => useRegisterRows(undefined, { showFirstWindow: false }));
    expect(result.current.first).toBeNull();
    expect(result.current.head).toBeNull();
    expect(result.current.projectCount).toBe(0);
    await waitFor(() => expect(result.current.data?.projects).toEqual(big.projects));
    expect(result.current.head?.plan).toEqual(big.plan);
    expect(result.current.projectCount).toBe(500);
  });

  it('asks for every row again on reload', async () => {
    early('{}', { ok: true, result: firstAnswer(register(3), 40) });
    sent.replies.set('register.columns', packRegisterRows(register(4)));
    startRegister('#/');
    const { result } = renderHook(() => useRegisterRows(undefined));
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.data?.projects).toHaveLength(4));
    expect(sent.calls).toEqual([{ method: 'register.columns', input: {} }]);
  });

  it('without a started request, asks for every row at once', async () => {
    sent.replies.set('register.columns', packRegisterRows(register(2)));
    const { result } = renderHook(() => useRegisterRows(3));
    await waitFor(() => expect(result.current.data?.projects).toHaveLength(2));
    expect(sent.calls).toEqual([{ method: 'register.columns', input: { planId: 3 } }]);
  });
});
