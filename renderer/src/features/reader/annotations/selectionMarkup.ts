import type { Quad } from '../../../../../shared/contract/annotations.ts';
import type { PageSurface } from '../readerApi.ts';
import { normalizeQuotedText, quadsFromBoxes, type LayerBox } from './model/quads.ts';

export interface SelectedText {
  pageIndex: number;
  quads: Quad[];
  quotedText: string;
}

/** The pdf.js text layer of the page the surface sits on. */
function textLayerOf(surface: PageSurface): HTMLElement | null {
  return surface.layer.parentElement?.querySelector<HTMLElement>('.textLayer') ?? null;
}

/**
 * What the user selected, per page: the boxes of the selected text only (a Range's own client
 * rects would add whole spans and pdf.js's end-of-content filler), mapped into PDF page space.
 */
export function selectedText(selection: Selection | null, surfaces: readonly PageSurface[]): SelectedText[] {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return [];
  const range = selection.getRangeAt(0);
  const found: SelectedText[] = [];
  for (const surface of surfaces) {
    const textLayer = textLayerOf(surface);
    if (!textLayer || !range.intersectsNode(textLayer)) continue;
    const origin = surface.layer.getBoundingClientRect();
    const boxes: LayerBox[] = [];
    let text = '';
    const walker = document.createTreeWalker(textLayer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!range.intersectsNode(node)) continue;
      if (node.nodeType === Node.ELEMENT_NODE) {
        // Line ends in the text layer are <br>s: the words either side need a space between them.
        if ((node as Element).tagName === 'BR') text += ' ';
        continue;
      }
      const piece = document.createRange();
      piece.selectNodeContents(node);
      if (node === range.startContainer) piece.setStart(node, range.startOffset);
      if (node === range.endContainer) piece.setEnd(node, range.endOffset);
      const value = piece.toString();
      if (!value.trim()) {
        text += value;
        continue;
      }
      text += value;
      for (const r of piece.getClientRects()) {
        if (r.width <= 0 || r.height <= 0) continue;
        boxes.push({ left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top });
      }
    }
    const quads = quadsFromBoxes(boxes, (x, y) => surface.viewport.convertToPdfPoint(x, y));
    if (quads.length > 0) found.push({ pageIndex: surface.pageIndex, quads: quads.slice(0, 2000), quotedText: normalizeQuotedText(text) });
  }
  return found;
}
