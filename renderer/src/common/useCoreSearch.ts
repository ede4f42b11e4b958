import { useEffect, useRef, useState } from 'react';

/**
 * Rows the core finds for what the user types (asked once they pause; at once for the empty query),
 * and every row seen so far by id, so a chosen one keeps its label when a new search drops it.
 * `search` must be stable (memoised by the caller); an answer to an older query is ignored.
 */
export function useCoreSearch<T extends { id: string }>(search: (query: string) => Promise<readonly T[]>, preset: readonly T[] = []) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<readonly T[]>([]);
  const [loading, setLoading] = useState(true);
  const [known, setKnown] = useState<Map<string, T>>(() => new Map(preset.map((row) => [row.id, row] as const)));
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    const timer = window.setTimeout(
      () => {
        setLoading(true);
        search(query).then(
          (rows) => {
            if (ticket !== latest.current) return;
            setFound(rows);
            setKnown((before) => new Map([...before, ...rows.map((row) => [row.id, row] as const)]));
            setLoading(false);
          },
          () => {
            if (ticket === latest.current) setLoading(false);
          },
        );
      },
      query ? 250 : 0,
    );
    return () => window.clearTimeout(timer);
  }, [search, query]);

  return { setQuery, found, known, loading };
}
