// A long 建设地/规模 text cut to two lines; click (or Enter/Space) shows it all.
import { useState } from 'react';

export function ExpandableText({ text, label }: { text: string; label: string }) {
  const [open, setOpen] = useState(false);
  if (text === '') return null;
  return (
    <button
      type="button"
      className={open ? 'reg-text reg-text-open' : 'reg-text'}
      aria-expanded={open}
      aria-label={`${label}：${text}`}
      title={open ? '点击收起' : '点击显示全文'}
      onClick={() => setOpen(!open)}
    >
      <span className={open ? undefined : 'clamp'}>{text}</span>
    </button>
  );
}
