import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/ui/register/register-table';
import {
  readSessionState,
  REGISTER_ORDER_KEY,
  REGISTER_STATE_KEY,
  registerHash,
  stateFromQuery,
  writeSessionState,
} from '../../src/ui/register/register-state';
import { parseRoute } from '../../src/ui/router';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('register view state', () => {
  it('puts filter and sort in the URL and reads them back', () => {
    const filter = { ...EMPTY_FILTER, town: '公平镇', text: '龙门' };
    const hash = registerHash(1, filter, { key: 'investment', dir: 'desc' });
    expect(hash).toBe('#/?plan=1&town=%E5%85%AC%E5%B9%B3%E9%95%87&q=%E9%BE%99%E9%97%A8&sort=investment.desc');
    expect(stateFromQuery(new URLSearchParams(hash.split('?')[1]))).toEqual({ filter, sort: { key: 'investment', dir: 'desc' } });
    expect(registerHash(undefined, EMPTY_FILTER, { key: 'seq', dir: 'asc' })).toBe('#/');
    expect(stateFromQuery(new URLSearchParams('plan=1'))).toBeNull();
    expect(stateFromQuery(new URLSearchParams('sort=bogus.up'))?.sort).toEqual({ key: 'seq', dir: 'asc' });
    const route = parseRoute(hash);
    expect(route).toMatchObject({ page: 'register', planId: 1 });
  });

  it('keeps filter, sort and expanded rows for the session, and the order for 上一个/下一个', () => {
    const s = memoryStorage();
    const state = { filter: { ...EMPTY_FILTER, town: '朱衣镇' }, sort: { key: 'name' as const, dir: 'asc' as const }, expanded: [10, 13] };
    writeSessionState(s, 1, state, [13, 10, 1]);
    expect(readSessionState(s, 1)).toEqual(state);
    expect(readSessionState(s, undefined)).toEqual(state);
    expect(readSessionState(s, 2)).toBeNull();
    expect(JSON.parse(s.getItem(REGISTER_ORDER_KEY) ?? '')).toEqual({ planId: 1, ids: [13, 10, 1] });
    s.setItem(REGISTER_STATE_KEY, '{not json');
    expect(readSessionState(s, 1)).toBeNull();
  });
});
