import { useSyncExternalStore } from 'react';
import type { Settings } from '../../../shared/contract/index.ts';

export type ThemeMode = 'light' | 'dark';

const darkQuery = (): MediaQueryList => window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void): () => void {
  const query = darkQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** 'system' follows the OS live, so switching Windows to dark mode does not need a restart. */
export function useResolvedTheme(preference: Settings['ui.theme']): ThemeMode {
  const systemIsDark = useSyncExternalStore(subscribe, () => darkQuery().matches);
  if (preference === 'system') return systemIsDark ? 'dark' : 'light';
  return preference;
}
