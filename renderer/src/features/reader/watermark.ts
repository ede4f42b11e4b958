import { useEffect, useMemo, useState } from 'react';
import { isClassified, type Classification } from '../../../../shared/contract/index.ts';
import { watermarkLines } from '../../../../shared/watermark.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * One tile of the watermark: both lines, tilted, drawn as an SVG image. As a CSS background of a
 * pseudo-element it repeats over the whole page, is not text (nothing to select or copy), and covers
 * pages pdf.js lays out later without any code per page.
 */
function tile(lines: readonly string[]): string {
  const [first, second] = lines.map(xml);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="460" height="300">` +
    `<g transform="rotate(-30 230 150)" fill="#b40000" fill-opacity="0.2" font-family="Arial, 'Segoe UI', 'DejaVu Sans', sans-serif" text-anchor="middle">` +
    `<text x="230" y="142" font-size="17" font-weight="700">${first}</text>` +
    `<text x="230" y="166" font-size="14">${second}</text>` +
    `</g></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

export interface Watermark {
  /** What the tile says, for people using a screen reader and for tests. */
  text: string;
  /** The CSS background of the overlay above every page. */
  image: string;
}

/** The reader's watermark for a classified document: the reader's name and unit and when it was opened; null otherwise. */
export function useWatermark(classification: Classification): Watermark | null {
  const bridge = useBridge();
  const [openedAt] = useState(() => new Date());
  const [who, setWho] = useState<{ fullName: string; unitName: string } | null>(null);
  const classified = isClassified(classification);

  useEffect(() => {
    if (!classified) return;
    let live = true;
    bridge
      .invoke('profile.get', {})
      .then((p) => live && setWho(p ? { fullName: p.fullName, unitName: p.unitName } : { fullName: '—', unitName: '—' }))
      .catch(() => live && setWho({ fullName: '—', unitName: '—' }));
    return () => {
      live = false;
    };
  }, [bridge, classified]);

  return useMemo(() => {
    if (!classified || !who) return null;
    const lines = watermarkLines({ classification, ...who, at: openedAt, purpose: 'view' });
    return { text: lines.join(' · '), image: tile(lines) };
  }, [classified, who, classification, openedAt]);
}
