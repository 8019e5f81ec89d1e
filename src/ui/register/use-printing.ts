// true while the page is being printed (or emulates print media), so a windowed table can draw
// every row: the printed register must hold all of them, not the rows that were on screen.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

function printMedia(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
}

export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => printMedia()?.matches ?? false);
  useEffect(() => {
    // flushSync: Chromium lays the page out for print right after beforeprint returns
    const start = () => flushSync(() => setPrinting(true));
    const end = () => setPrinting(false);
    const media = printMedia();
    const onMedia = (e: MediaQueryListEvent) => (e.matches ? start() : end());
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', end);
    media?.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', end);
      media?.removeEventListener('change', onMedia);
    };
  }, []);
  return printing;
}
