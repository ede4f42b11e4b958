import type { PDFDocumentProxy } from 'pdfjs-dist';
import { findInFolded, foldItems, type FoldedText } from './fold.ts';
import { rangeQuad, type PositionedItem, type Quad } from './hitGeometry.ts';

export interface PageText {
  items: PositionedItem[];
  folded: FoldedText;
}

/** One occurrence: its page and the boxes (PDF page space) covering it, one per text item it spans. */
export interface FindHit {
  pageIndex: number;
  quads: Quad[];
}

/** Page texts read once per open document and kept for later searches. */
export class DocumentText {
  private readonly pages = new Map<number, Promise<PageText>>();
  private readonly pdf: PDFDocumentProxy;

  constructor(pdf: PDFDocumentProxy) {
    this.pdf = pdf;
  }

  page(pageIndex: number): Promise<PageText> {
    let found = this.pages.get(pageIndex);
    if (!found) {
      found = this.read(pageIndex);
      this.pages.set(pageIndex, found);
    }
    return found;
  }

  private async read(pageIndex: number): Promise<PageText> {
    try {
      const page = await this.pdf.getPage(pageIndex + 1);
      const content = await page.getTextContent();
      const items: PositionedItem[] = [];
      const eol: boolean[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        items.push({ str: raw.str, transform: raw.transform as number[], width: raw.width, height: raw.height });
        eol.push(raw.hasEOL);
      }
      return { items, folded: foldItems(items.map((item, i) => ({ str: item.str, hasEOL: eol[i] }))) };
    } catch {
      // A damaged page has no text to search; the rest of the document still is.
      return { items: [], folded: { text: '', map: [] } };
    }
  }

  /** The hits on one page for an already folded query. */
  async hitsOn(pageIndex: number, foldedQuery: string): Promise<FindHit[]> {
    const text = await this.page(pageIndex);
    return findInFolded(text.folded, foldedQuery).map((ranges) => ({
      pageIndex,
      quads: ranges.map((r) => rangeQuad(text.items[r.item]!, r)).filter((q): q is Quad => q !== null),
    }));
  }
}
