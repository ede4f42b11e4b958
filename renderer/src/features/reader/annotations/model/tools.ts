import { annotationKinds, type AnnotationKind } from '../../../../../../shared/contract/annotations.ts';

/** What a click or drag on the page does. Every annotation kind is a tool, plus select and eraser. */
export type ToolId = 'select' | AnnotationKind | 'eraser';

export const toolOrder: readonly ToolId[] = ['select', ...annotationKinds, 'eraser'];

/** Single-letter shortcuts, as in Acrobat and most editors (Latin letters, so Telex typing is not affected: they never fire while typing). */
export const toolShortcuts: Record<ToolId, string> = {
  select: 'V',
  highlight: 'H',
  underline: 'U',
  strikeout: 'S',
  ink: 'P',
  note: 'N',
  freetext: 'T',
  rectangle: 'R',
  ellipse: 'E',
  arrow: 'A',
  eraser: 'X',
};

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type KeyCommand =
  | { type: 'tool'; tool: ToolId }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'delete' }
  | { type: 'escape' };

/** What a key press means to the workspace, or null when it is someone else's key. */
export function keyCommand(e: KeyLike): KeyCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && !e.altKey) {
    if (key === 'z') return e.shiftKey ? { type: 'redo' } : { type: 'undo' };
    if (key === 'y' && !e.shiftKey) return { type: 'redo' };
    return null;
  }
  if (e.altKey) return null;
  if (key === 'Escape') return { type: 'escape' };
  if (key === 'Delete' || key === 'Backspace') return { type: 'delete' };
  if (e.shiftKey) return null;
  for (const tool of toolOrder) if (toolShortcuts[tool].toLowerCase() === key) return { type: 'tool', tool };
  return null;
}

export const markupTools: readonly ToolId[] = ['highlight', 'underline', 'strikeout'];
export const drawingTools: readonly ToolId[] = ['ink', 'note', 'freetext', 'rectangle', 'ellipse', 'arrow', 'eraser'];

export function isMarkupTool(tool: ToolId): tool is 'highlight' | 'underline' | 'strikeout' {
  return markupTools.includes(tool);
}

export function isDrawingTool(tool: ToolId): boolean {
  return drawingTools.includes(tool);
}

/** Colours a committee member reaches for: highlighter yellow first, then the pens. */
export const palette = ['#FFD400', '#7CD96A', '#5CC8FF', '#FF8FB1', '#D32F2F', '#1565C0', '#2E7D32', '#212121'] as const;
export const thicknessChoices = [1, 2, 4, 8] as const;
export const opacityChoices = [0.3, 0.5, 0.8, 1] as const;
export const fontSizeChoices = [10, 12, 14, 18] as const;

export interface ToolStyle {
  color: string;
  thickness: number;
  opacity: number;
  fontSize: number;
}

export const defaultStyles: Record<AnnotationKind, ToolStyle> = {
  highlight: { color: '#FFD400', thickness: 1, opacity: 0.5, fontSize: 12 },
  underline: { color: '#1565C0', thickness: 1, opacity: 1, fontSize: 12 },
  strikeout: { color: '#D32F2F', thickness: 1, opacity: 1, fontSize: 12 },
  ink: { color: '#D32F2F', thickness: 2, opacity: 1, fontSize: 12 },
  note: { color: '#FFD400', thickness: 1, opacity: 1, fontSize: 12 },
  freetext: { color: '#1565C0', thickness: 1, opacity: 1, fontSize: 12 },
  rectangle: { color: '#D32F2F', thickness: 2, opacity: 1, fontSize: 12 },
  ellipse: { color: '#D32F2F', thickness: 2, opacity: 1, fontSize: 12 },
  arrow: { color: '#D32F2F', thickness: 2, opacity: 1, fontSize: 12 },
};

function inRange(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
}

/**
 * The styles remembered from last time (localStorage), each field checked: a value from an older
 * build or edited by hand falls back to the default instead of reaching the core.
 */
export function parseStoredStyles(raw: string | null): Record<AnnotationKind, ToolStyle> {
  const result = structuredClone(defaultStyles);
  if (!raw) return result;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return result;
  }
  if (!stored || typeof stored !== 'object') return result;
  for (const kind of Object.keys(result) as AnnotationKind[]) {
    const s = (stored as Record<string, Partial<Record<keyof ToolStyle, unknown>>>)[kind];
    if (!s || typeof s !== 'object') continue;
    if (typeof s.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(s.color)) result[kind].color = s.color.toUpperCase();
    if (inRange(s.thickness, 0.25, 48)) result[kind].thickness = s.thickness;
    if (inRange(s.opacity, 0.05, 1)) result[kind].opacity = s.opacity;
    if (inRange(s.fontSize, 4, 96)) result[kind].fontSize = s.fontSize;
  }
  return result;
}

export type PaletteColor = (typeof palette)[number];
/** "FFD400" for "#FFD400": how a colour is named in the texts files. */
export type ColorName = PaletteColor extends `#${infer N}` ? N : never;
export function colorName(c: PaletteColor): ColorName {
  return c.slice(1) as ColorName;
}
