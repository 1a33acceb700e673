import { type RefObject, useEffect } from 'react';

/**
 * A region that scrolls must be reachable by keyboard (WCAG 2.1.1; axe `scrollable-region-focusable`):
 * a long restored conversation has nothing focusable inside to scroll it with. The region becomes a
 * tab stop only while it overflows, so the usual Tab order (tabs, then the request box) is unchanged.
 */
export function useKeyboardScrollable(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      if (el.scrollHeight > el.clientHeight) el.tabIndex = 0;
      else el.removeAttribute('tabindex');
    };
    update();
    const resized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(update);
    resized?.observe(el);
    const changed = new MutationObserver(update);
    changed.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      resized?.disconnect();
      changed.disconnect();
    };
  }, [ref]);
}
