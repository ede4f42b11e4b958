import { Popover } from 'antd';
import { useEffect, useMemo } from 'react';
import { createPortal } from 'react-dom';
import type { Annotation } from '../../../../../shared/contract/annotations.ts';
import type { PageSurface } from '../readerApi.ts';
import { AnnotationCard } from './AnnotationCard.tsx';
import { AnnotationShape } from './AnnotationShape.tsx';
import { FreeTextEditor } from './FreeTextEditor.tsx';
import { boundsCss, rectToCss } from './geometryView.ts';
import type { AnnotationPatch } from './model/records.ts';
import { handlesOf, type Preview, type TextEdit } from './usePagePointer.ts';

interface PageOverlayProps {
  surface: PageSurface;
  annotations: readonly Annotation[];
  selected: Annotation | null;
  cardOpen: boolean;
  preview: Preview;
  textEdit: TextEdit | null;
  onChange(id: string, patch: AnnotationPatch): void;
  onDelete(id: string): void;
  onCloseCard(): void;
  onTextCommit(edit: TextEdit, text: string): void;
  onTextCancel(): void;
}

/**
 * One page's annotations: an SVG over the page whose group carries the viewport's transform, so
 * everything is drawn in PDF page space and stays on its words at any zoom and rotation; the
 * selection frame and handles on top in screen pixels; the note card and text box editor.
 */
export function PageOverlay(props: PageOverlayProps) {
  const { surface, annotations, selected, preview, textEdit } = props;
  const { viewport, layer } = surface;

  // Markup darkens what is under it like a highlighter on paper (black text stays black).
  useEffect(() => {
    layer.classList.add('ns-annot-layer');
    return () => layer.classList.remove('ns-annot-layer');
  }, [layer]);

  const [a, b, c, d, e, f] = viewport.transform as number[];
  const shown = useMemo(
    () =>
      annotations.map((x) => (preview?.type === 'edit' && preview.id === x.id ? { ...x, geometry: preview.geometry } : x)),
    [annotations, preview],
  );
  const selectedShown = selected ? (shown.find((x) => x.id === selected.id) ?? null) : null;
  const box = selectedShown ? boundsCss(viewport, selectedShown) : null;
  const erasing = preview?.type === 'erase' && preview.pageIndex === surface.pageIndex ? preview.ids : null;
  const draft = preview?.type === 'draft' && preview.annotation.pageIndex === surface.pageIndex ? preview.annotation : null;
  const editingText = textEdit && textEdit.pageIndex === surface.pageIndex ? textEdit : null;
  const dragging = preview?.type === 'edit';

  return createPortal(
    <>
      <svg
        className="ns-annot-svg"
        width={viewport.width}
        height={viewport.height}
        viewBox={`0 0 ${viewport.width} ${viewport.height}`}
        data-page-index={surface.pageIndex}
        aria-hidden
      >
        <g transform={`matrix(${a} ${b} ${c} ${d} ${e} ${f})`}>
          {shown.map((x) => (
            <AnnotationShape key={x.id} a={x} faded={erasing?.has(x.id) ?? false} hideText={editingText?.id === x.id} rotation={viewport.rotation} />
          ))}
          {draft ? <AnnotationShape a={draft} /> : null}
        </g>
        {box && selectedShown ? (
          <g className="ns-annot-selection">
            <rect x={box.left - 3} y={box.top - 3} width={box.width + 6} height={box.height + 6} />
            {selectedShown.editable && !editingText
              ? handlesOf(surface, selectedShown).map((h) => (
                  <rect key={h.handle} className={`ns-annot-handle ns-annot-handle-${h.handle}`} x={h.x - 4.5} y={h.y - 4.5} width={9} height={9} />
                ))
              : null}
          </g>
        ) : null}
      </svg>
      {box && selectedShown && !dragging && !editingText ? (
        <Popover
          open={props.cardOpen}
          placement="rightTop"
          arrow={false}
          destroyOnHidden
          content={
            <AnnotationCard
              annotation={selectedShown}
              onChange={(patch) => props.onChange(selectedShown.id, patch)}
              onDelete={() => props.onDelete(selectedShown.id)}
              onClose={props.onCloseCard}
            />
          }
        >
          <div
            className="ns-annot-anchor"
            style={{ left: box.left, top: box.top, width: Math.max(box.width, 1), height: Math.max(box.height, 1) }}
          />
        </Popover>
      ) : null}
      {editingText ? (
        <FreeTextEditor
          key={`${editingText.id ?? 'new'}:${editingText.rect.join(',')}`}
          box={rectToCss(viewport, editingText.rect)}
          fontSizePx={(annotations.find((x) => x.id === editingText.id)?.fontSize ?? 12) * viewport.scale}
          initial={editingText.text}
          onCommit={(text) => props.onTextCommit(editingText, text)}
          onCancel={props.onTextCancel}
        />
      ) : null}
    </>,
    layer,
  );
}
