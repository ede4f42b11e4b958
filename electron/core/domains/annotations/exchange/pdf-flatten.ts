import { drawObject, popGraphicsState, pushGraphicsState, type PDFPage } from 'pdf-lib';
import type { Annotation } from '../../../../../shared/contract/index.ts';
import type { AppearanceForms } from './appearance-forms.ts';
import { normalizeRotation } from './display-frame.ts';

/**
 * Draws annotations into the page content itself, for printing: the same appearance forms the
 * annotation objects would carry, placed with `q /Xn Do Q` after the page's own content. pdf-lib
 * wraps the existing content in q … Q first, so a page that leaves its graphics state changed
 * (a transform, a clip) cannot displace them. No annotation objects are added.
 */
export function flattenInto(page: PDFPage, annotations: readonly Annotation[], forms: AppearanceForms): void {
  const rotation = normalizeRotation(page.getRotation().angle);
  for (const a of annotations) {
    const name = page.node.newXObject('NghiSu', forms.form(forms.appearance(a, rotation)));
    page.pushOperators(pushGraphicsState(), drawObject(name), popGraphicsState());
  }
}
