// The register's head start: the request main.tsx (or public/early-register.js, before the
// bundle) sends is taken once by the page, only for the same input, and an answer already here
// is on the page's first render.
import fs from 'node:fs';
import path from 'node:path';
import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegisterColumns } from '../../src/domain/api/register-columns';
import { ApiError } from '../../src/domain/api/errors';
import { useApi } from '../../src/ui/components/use-api';
import { registerInputFor, startRegister, takeStartedRegister } from '../../src/ui/start-register';

const sent = vi.hoisted(() => ({ calls: [] as { method: string; input: unknown }[] }));
vi.mock('../../src/ui/api-client', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/ui/api-client')>();
  return {
    ...real,
    send: (method: string, input: unknown) => {
      sent.calls.push({ method, input });
      return Promise.resolve({ asked: method });
    },
  };
});

const ROWS = { plan: { id: 1 }, rows: {} } as unknown as RegisterColumns; // only passed through
const early = (key: string, reply: unknown) => {
  const settled = { status: 200, body: reply };
  window.registerEarly = { key, settled, reply: Promise.resolve(settled) };
};

/** read through a function: TypeScript would keep the narrowing of a `delete` above across the script's run */
const earlyKey = (): string | undefined => window.registerEarly?.key;

afterEach(() => {
  sent.calls = [];
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
    expect(sent.calls).toEqual([{ method: 'register.columns', input: { planId: 2 } }]);
    expect(takeStartedRegister({})).toBeNull();
    const answer = takeStartedRegister({ planId: 2 });
    expect(await answer?.promise).toEqual({ asked: 'register.columns' });
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
    expect(sent.calls).toEqual([{ method: 'register.columns', input: { planId: 2 } }]);
    expect(window.registerEarly).toBeUndefined();
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
      }
    } finally {
      vi.unstubAllGlobals();
      window.history.replaceState(null, '', '#/');
    }
  });
});

describe('useApi with an early answer', () => {
  it('shows an answer already here on the first render, without asking again', () => {
    early('{}', { ok: true, result: ROWS });
    startRegister('#/');
    const { result } = renderHook(() => useApi('register.columns', {}, { early: takeStartedRegister }));
    expect(result.current.data).toBe(ROWS);
    expect(result.current.loading).toBe(false);
    expect(sent.calls).toEqual([]);
  });

  it('asks again on reload', async () => {
    early('{}', { ok: true, result: ROWS });
    startRegister('#/');
    const { result } = renderHook(() => useApi('register.columns', {}, { early: takeStartedRegister }));
    result.current.reload();
    await waitFor(() => expect(result.current.data).toEqual({ asked: 'register.columns' }));
    expect(sent.calls).toEqual([{ method: 'register.columns', input: {} }]);
  });
});
