import { useEffect, useRef, useState, type RefObject } from 'react';

/** How far outside the window a block gets its inputs: more than a screen, so scrolling never meets a bare one. */
const MARGIN = '1500px 0px';

let observer: IntersectionObserver | null = null;
const waiting = new Map<Element, () => void>();

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const wake = waiting.get(entry.target);
        waiting.delete(entry.target);
        observer?.unobserve(entry.target);
        wake?.();
      }
    },
    { rootMargin: MARGIN },
  );
  return observer;
}

/**
 * Whether the element has come within reach of the window (once true, it stays true). A 30-page
 * minutes holds a hundred opinions and conclusions; mounting every one's inputs at once (each
 * textarea measures itself, forcing a layout of the whole page) made opening take seconds. Blocks
 * far down show their text read-only until the secretary scrolls near them.
 */
export function useNearViewport<T extends Element>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T | null>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const o = shared();
    waiting.set(el, () => setNear(true));
    o.observe(el);
    return () => {
      waiting.delete(el);
      o.unobserve(el);
    };
  }, [near]);
  return [ref, near];
}
