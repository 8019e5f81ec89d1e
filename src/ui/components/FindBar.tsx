// Ctrl+F on every page: a small find bar at the top right. Enter / Shift+Enter step through
// the matches, Esc closes it. Where a page has its own search box (the register), that page
// keeps Ctrl+F: App passes `disabled`.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FindInPageResult } from '../../domain/desktop-bridge';
import { defaultFinder, FIND_BAR_ATTR, type Finder } from './find-in-page';
import './find-bar.css';

export default function FindBar({ disabled = false, finder: given }: { disabled?: boolean; finder?: Finder }) {
  const finder = useMemo(() => given ?? defaultFinder(), [given]);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [result, setResult] = useState<FindInPageResult | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // the text last searched, so Enter steps to the next match instead of starting over
  const searched = useRef('');

  useEffect(() => {
    if (disabled) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        setOpen(true);
        // already open: select the text to type a new search
        requestAnimationFrame(() => input.current?.select());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [disabled]);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const close = useCallback(() => {
    finder.stop();
    searched.current = '';
    setResult(null);
    setOpen(false);
  }, [finder]);

  // leaving for a page that has its own search closes the bar
  useEffect(() => {
    if (disabled && open) close();
  }, [disabled, open, close]);

  const run = useCallback(
    async (forward: boolean) => {
      const t = text.trim();
      if (t === '') {
        finder.stop();
        searched.current = '';
        setResult(null);
        return;
      }
      const next = searched.current === t;
      searched.current = t;
      setResult(await finder.find(t, forward, next));
    },
    [finder, text],
  );

  if (!open) return null;
  return (
    <div className="find-bar" role="search" aria-label="在本页查找" {...{ [FIND_BAR_ATTR]: '' }}>
      <input
        ref={input}
        type="search"
        aria-label="在本页查找"
        placeholder="在本页查找"
        value={text}
        maxLength={200}
        onChange={(e) => {
          setText(e.target.value);
          setResult(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void run(!e.shiftKey);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            close();
          }
        }}
      />
      <span className="find-count" aria-live="polite" data-testid="find-count">
        {result === null ? '' : result.matches === 0 ? '无结果' : `${result.active}/${result.matches}`}
      </span>
      <button type="button" className="btn" onClick={() => void run(false)} aria-label="上一个" title="上一个（Shift+Enter）">
        ↑
      </button>
      <button type="button" className="btn" onClick={() => void run(true)} aria-label="下一个" title="下一个（Enter）">
        ↓
      </button>
      <button type="button" className="btn" onClick={close} aria-label="关闭查找" title="关闭（Esc）">
        ×
      </button>
    </div>
  );
}
