/** "#RRGGBB" as PDF colour components 0..1 (what /C, `rg` and `RG` take). */
export function rgbOf(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

/** PDF colour components (any count: gray, RGB or CMYK, as files in the wild have) as "#RRGGBB", or null. */
export function hexOf(components: readonly number[]): string | null {
  if (!components.every((c) => Number.isFinite(c) && c >= 0 && c <= 1)) return null;
  let rgb: number[];
  if (components.length === 1) rgb = [components[0]!, components[0]!, components[0]!];
  else if (components.length === 3) rgb = [...components];
  else if (components.length === 4) {
    const [c, m, y, k] = components as [number, number, number, number];
    rgb = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)];
  } else return null;
  return `#${rgb.map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

/** A number as PDF content streams write it: no exponent, at most 4 decimals, no trailing zeros. */
export function num(v: number): string {
  const s = (Math.round(v * 10_000) / 10_000).toFixed(4).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** Colour operator for filling (`rg`) or stroking (`RG`). */
export function colorOp(hex: string, stroke: boolean): string {
  return `${rgbOf(hex).map(num).join(' ')} ${stroke ? 'RG' : 'rg'}`;
}
