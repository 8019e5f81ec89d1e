// The register's scroller ends just above the hint line at the foot of the window, wherever the
// content above leaves it: the fixed `calc(100vh - 210px)` assumed the title and toolbar take one
// line, so a long plan title (a city-level roll-up) wrapped the toolbar and pushed the totals row
// below the fold at 1366×768. The offset goes into a CSS variable, not an inline max-height, so
// that the print rule (`max-height: none`) still wins on paper.
import { useEffect, type RefObject } from 'react';

export function useFitHeight(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    const container = el?.parentElement;
    if (!el || !container || typeof ResizeObserver !== 'function') return;
    // read in the observer's callback only: layout is clean then, so measuring forces nothing
    const fit = () => {
      const top = Math.round(el.getBoundingClientRect().top + window.scrollY);
      if (el.style.getPropertyValue('--fit-top') !== `${top}px`) el.style.setProperty('--fit-top', `${top}px`);
    };
    const observer = new ResizeObserver(fit);
    observer.observe(container);
    return () => observer.disconnect();
  }, [ref]);
}
