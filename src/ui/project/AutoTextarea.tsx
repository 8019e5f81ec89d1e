// A textarea that grows with its text, so a long 建设地 or 规模 is read whole, not in a 2-line box.
import { useLayoutEffect, useRef, type TextareaHTMLAttributes } from 'react';

export default function AutoTextarea(props: TextareaHTMLAttributes<HTMLTextAreaElement> & { value: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // shrink first, so deleting text lets the box get smaller again; the border is outside scrollHeight
    el.style.height = 'auto';
    const border = el.offsetHeight - el.clientHeight;
    el.style.height = `${el.scrollHeight + border}px`;
  }, [props.value]);
  return <textarea {...props} ref={ref} className={`auto-grow${props.className ? ` ${props.className}` : ''}`} />;
}
