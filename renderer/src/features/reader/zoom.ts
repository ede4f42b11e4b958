import type { ReaderZoom } from '../../../../shared/contract/index.ts';

export const ZOOM_PRESETS = [50, 75, 100, 125, 150, 200, 300, 400] as const;
export const MIN_ZOOM = 10;
export const MAX_ZOOM = 800;

/** What pdf.js's currentScaleValue takes for a stored zoom. */
export function scaleValueOf(zoom: ReaderZoom): string {
  return typeof zoom === 'number' ? String(zoom / 100) : zoom;
}

/** The stored zoom for the viewer's current state: a fit mode, or a whole percentage in range. */
export function zoomOf(scaleValue: string, scale: number): ReaderZoom {
  if (scaleValue === 'page-width' || scaleValue === 'page-fit') return scaleValue;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(scale * 100)));
}

/** The next preset step up or down from the current scale (as most readers step). */
export function steppedZoom(scale: number, direction: 1 | -1): number {
  const percent = scale * 100;
  if (direction > 0) return ZOOM_PRESETS.find((p) => p > percent + 0.5) ?? MAX_ZOOM;
  return [...ZOOM_PRESETS].reverse().find((p) => p < percent - 0.5) ?? MIN_ZOOM;
}
