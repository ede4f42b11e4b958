import { getStroke } from 'perfect-freehand';
import type { InkPoint } from '../../../../../shared/contract/annotations.ts';

/**
 * The filled outline of a pen stroke, smoothed by perfect-freehand, as an SVG path in the same
 * (PDF) space as the points. At the "no pressure" value 0.5 the line is `thickness` wide; a pen
 * pressing harder draws wider, as on paper.
 */
export function inkOutlinePath(points: readonly InkPoint[], thickness: number, finished = true): string {
  if (points.length === 0) return '';
  const outline = getStroke(
    points.map((p) => [p[0], p[1], p[2]]),
    { size: thickness, thinning: 0.5, smoothing: 0.5, streamline: 0.4, simulatePressure: false, last: finished },
  );
  if (outline.length < 2) return '';
  const [first] = outline;
  const parts: string[] = [`M${first![0].toFixed(2)} ${first![1].toFixed(2)} Q`];
  for (let i = 0; i < outline.length; i++) {
    const [x0, y0] = outline[i]!;
    const [x1, y1] = outline[(i + 1) % outline.length]!;
    parts.push(`${x0!.toFixed(2)} ${y0!.toFixed(2)} ${((x0! + x1!) / 2).toFixed(2)} ${((y0! + y1!) / 2).toFixed(2)}`);
  }
  parts.push('Z');
  return parts.join(' ');
}
