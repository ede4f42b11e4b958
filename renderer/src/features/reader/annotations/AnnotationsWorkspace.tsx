import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { v7 as uuidv7 } from 'uuid';
import type { Annotation, AnnotationKind, GeometryOf } from '../../../../../shared/contract/annotations.ts';
import { annotationBounds } from '../../../../../shared/annotations/geometry.ts';
import type { ReaderApi } from '../readerApi.ts';
import { AnnotationsPanel } from './AnnotationsPanel.tsx';
import { AnnotationToolbar, type StyleTarget } from './AnnotationToolbar.tsx';
import { ExchangeMenu } from './ExchangeMenu.tsx';
import type { AnnotationPatch } from './model/records.ts';
import { isMarkupTool, keyCommand, type ToolId, type ToolStyle } from './model/tools.ts';
import { PageOverlay } from './PageOverlay.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';
import { selectedText } from './selectionMarkup.ts';
import { useAnnotationStore } from './useAnnotationStore.ts';
import { usePagePointer, type Preview, type TextEdit } from './usePagePointer.ts';
import { useToolStyles } from './useToolStyles.ts';
import './annotations.css';

/** Keys typed into a field belong to the field. */
function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !(el instanceof HTMLElement)) return false;
  return (
    el.isContentEditable ||
    el.tagName === 'INPUT' ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    el.getAttribute('role') === 'combobox' ||
    el.closest('.ant-modal, .ant-dropdown, .ant-select-dropdown') !== null
  );
}

/**
 * The member's notes on the open document: tools in the reader's toolbar, drawing on every page
 * near the view, the notes panel, export and import. Everything is saved as each stroke ends.
 */
export function AnnotationsWorkspace({ api }: { api: ReaderApi }) {
  // A new document is a new set of notes, history and selection.
  return <Workspace key={api.documentId} api={api} />;
}

function Workspace({ api }: { api: ReaderApi }) {
  const { store, snapshot } = useAnnotationStore(api.documentId);
  const [styles, setStyle] = useToolStyles();
  const [tool, setTool] = useState<ToolId>('select');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [cardOpen, setCardOpen] = useState(false);
  const [preview, setPreview] = useState<Preview>(null);
  const [textEdit, setTextEdit] = useState<TextEdit | null>(null);

  const annotations = snapshot.annotations;
  const selected = selectedId ? (annotations.find((a) => a.id === selectedId) ?? null) : null;

  const select = useCallback((id: string | null, options?: { openCard?: boolean }) => {
    setSelectedId(id);
    setCardOpen(id !== null && (options?.openCard ?? false));
  }, []);

  const markupDraft = useCallback(
    (kind: 'highlight' | 'underline' | 'strikeout', pageIndex: number, geometry: GeometryOf<'highlight'>, quotedText: string) => {
      const style = styles[kind];
      return {
        id: uuidv7(),
        documentId: api.documentId,
        kind,
        pageIndex,
        geometry: geometry as unknown as Record<string, unknown>,
        color: style.color,
        thickness: style.thickness,
        opacity: style.opacity,
        quotedText: quotedText || null,
      };
    },
    [api.documentId, styles],
  );

  const markSelection = useCallback(
    (kind: 'highlight' | 'underline' | 'strikeout'): boolean => {
      const selection = window.getSelection();
      const found = selectedText(selection, api.surfaces);
      if (found.length === 0) return false;
      let last: Annotation | null = null;
      for (const piece of found) last = store.create(markupDraft(kind, piece.pageIndex, { quads: piece.quads }, piece.quotedText));
      selection?.removeAllRanges();
      if (last) select(last.id);
      return true;
    },
    [api.surfaces, markupDraft, select, store],
  );

  usePagePointer({
    api,
    store,
    tool,
    styles,
    annotations,
    selectedId,
    select,
    setPreview,
    startTextEdit: (edit) => {
      setSelectedId(edit.id);
      setCardOpen(false);
      setTextEdit(edit);
    },
    markSelection: (kind) => void markSelection(kind),
  });

  const chooseTool = useCallback(
    (next: ToolId) => {
      // With text already selected, a markup button marks it at once (and the tool stays as it was).
      if (isMarkupTool(next) && markSelection(next)) return;
      setTool(next);
      if (next !== 'select') select(null);
    },
    [markSelection, select],
  );

  const deleteSelected = useCallback(() => {
    if (selected?.editable) {
      store.remove([selected.id]);
      select(null);
    }
  }, [select, selected, store]);

  // Keyboard: tools, undo/redo, delete — never while the member types in a field.
  const keyState = useRef({ chooseTool, deleteSelected, cardOpen, selectedId });
  useLayoutEffect(() => {
    keyState.current = { chooseTool, deleteSelected, cardOpen, selectedId };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || typingIn(event.target)) return;
      const command = keyCommand(event);
      if (!command) return;
      const s = keyState.current;
      switch (command.type) {
        case 'undo':
          event.preventDefault();
          select(null);
          store.undo();
          return;
        case 'redo':
          event.preventDefault();
          store.redo();
          return;
        case 'delete':
          if (!s.selectedId) return;
          event.preventDefault();
          s.deleteSelected();
          return;
        case 'escape':
          if (s.cardOpen) setCardOpen(false);
          else {
            setTool('select');
            select(null);
          }
          return;
        case 'tool':
          event.preventDefault();
          s.chooseTool(command.tool);
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [select, store]);

  const onChange = useCallback((id: string, patch: AnnotationPatch) => store.update(id, patch), [store]);
  const onDelete = useCallback(
    (id: string) => {
      store.remove([id]);
      if (selectedId === id) select(null);
    },
    [select, selectedId, store],
  );

  const onTextCommit = useCallback(
    (edit: TextEdit, text: string) => {
      setTextEdit(null);
      if (edit.id) {
        const current = store.get(edit.id);
        if (current && (current.contents ?? '') !== text) store.update(edit.id, { contents: text });
        return;
      }
      if (!text.trim()) return;
      const style = styles.freetext;
      const created = store.create({
        id: uuidv7(),
        documentId: api.documentId,
        kind: 'freetext',
        pageIndex: edit.pageIndex,
        geometry: { rect: edit.rect },
        color: style.color,
        thickness: style.thickness,
        opacity: style.opacity,
        fontSize: style.fontSize,
        contents: text,
      });
      select(created.id);
    },
    [api.documentId, select, store, styles.freetext],
  );

  const jump = useCallback(
    (a: Annotation) => {
      const [x1, , , y2] = annotationBounds(a.kind, a.geometry, a.thickness);
      api.scrollToPoint(a.pageIndex, x1, y2);
      select(a.id);
    },
    [api, select],
  );

  const placeHere = useCallback(
    (a: Annotation) => {
      store.update(a.id, { pageIndex: api.currentPageIndex, placed: true });
      select(a.id);
      const [x1, , , y2] = annotationBounds(a.kind, a.geometry, a.thickness);
      api.scrollToPoint(api.currentPageIndex, x1, y2);
    },
    [api, select, store],
  );

  const styleTarget: StyleTarget | null = useMemo(() => {
    if (selected?.editable) {
      return {
        kind: selected.kind,
        annotation: true,
        style: { color: selected.color, thickness: selected.thickness, opacity: selected.opacity, fontSize: selected.fontSize ?? styles[selected.kind].fontSize },
      };
    }
    if (tool === 'select' || tool === 'eraser') return null;
    return { kind: tool, annotation: false, style: styles[tool] };
  }, [selected, styles, tool]);

  const onStyle = useCallback(
    (change: Partial<ToolStyle>) => {
      if (selected?.editable) {
        const patch: AnnotationPatch = {};
        if (change.color !== undefined) patch.color = change.color;
        if (change.thickness !== undefined) patch.thickness = change.thickness;
        if (change.opacity !== undefined) patch.opacity = change.opacity;
        if (change.fontSize !== undefined && selected.kind === 'freetext') patch.fontSize = change.fontSize;
        store.update(selected.id, patch);
        setStyle(selected.kind, change);
        return;
      }
      if (tool !== 'select' && tool !== 'eraser') setStyle(tool as AnnotationKind, change);
    },
    [selected, setStyle, store, tool],
  );

  const byPage = useMemo(() => {
    const map = new Map<number, Annotation[]>();
    for (const a of annotations) {
      if (a.placement !== 'placed') continue;
      const list = map.get(a.pageIndex);
      if (list) list.push(a);
      else map.set(a.pageIndex, [a]);
    }
    return map;
  }, [annotations]);

  return (
    <>
      {api.toolbarSlot
        ? createPortal(
            <AnnotationToolbar
              tool={tool}
              onTool={chooseTool}
              styleTarget={styleTarget}
              onStyle={onStyle}
              canUndo={snapshot.canUndo}
              canRedo={snapshot.canRedo}
              onUndo={() => {
                select(null);
                store.undo();
              }}
              onRedo={() => store.redo()}
            >
              <ExchangeMenu documentId={api.documentId} classification={api.classification} annotationCount={annotations.length} />
              <SaveIndicator save={snapshot.save} onRetry={() => store.retry()} />
            </AnnotationToolbar>,
            api.toolbarSlot,
          )
        : null}
      {api.panelSlot
        ? createPortal(
            <AnnotationsPanel
              annotations={annotations}
              authors={snapshot.authors}
              status={snapshot.status}
              selectedId={selectedId}
              currentPageIndex={api.currentPageIndex}
              pageLabel={api.pageLabel}
              onJump={jump}
              onChange={onChange}
              onDelete={onDelete}
              onPlaceHere={placeHere}
              onReload={() => void store.load()}
            />,
            api.panelSlot,
          )
        : null}
      {api.surfaces.map((surface) => (
        <PageOverlay
          key={surface.pageIndex}
          surface={surface}
          annotations={byPage.get(surface.pageIndex) ?? []}
          selected={selected && selected.pageIndex === surface.pageIndex && selected.placement === 'placed' ? selected : null}
          cardOpen={cardOpen}
          preview={preview}
          textEdit={textEdit}
          onChange={onChange}
          onDelete={onDelete}
          onCloseCard={() => setCardOpen(false)}
          onTextCommit={onTextCommit}
          onTextCancel={() => setTextEdit(null)}
        />
      ))}
    </>
  );
}
