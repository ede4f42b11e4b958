import { useEffect, useLayoutEffect, useRef } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type {
  Annotation,
  AnnotationGeometry,
  AnnotationKind,
  GeometryOf,
  InkPoint,
  NewAnnotation,
  Point,
  Rect,
} from '../../../../../shared/contract/annotations.ts';
import { MAX_INK_POINTS } from '../../../../../shared/contract/annotations.ts';
import { annotationBounds, NOTE_ICON_SIZE, resizeGeometry, translateGeometry } from '../../../../../shared/annotations/geometry.ts';
import type { PageSurface, ReaderApi } from '../readerApi.ts';
import { boundsCss, pointOn, surfaceAt, toCss, toPdf } from './geometryView.ts';
import { movable, resizable } from './kinds.ts';
import { hitTest, sweepHits } from './model/hitTest.ts';
import { optimisticAnnotation, type AnnotationPatch } from './model/records.ts';
import type { AnnotationStore } from './model/store.ts';
import { isMarkupTool, type ToolId, type ToolStyle } from './model/tools.ts';

export type Handle = 'nw' | 'ne' | 'sw' | 'se' | 'from' | 'to';

/** What is being drawn or dragged right now, shown on top until the pointer is released. */
export type Preview =
  | { type: 'draft'; annotation: Annotation }
  | { type: 'edit'; id: string; geometry: AnnotationGeometry }
  | { type: 'erase'; pageIndex: number; ids: ReadonlySet<string> }
  | null;

/** A text box being typed into (a new one until it has text, or an existing one). */
export interface TextEdit {
  pageIndex: number;
  rect: Rect;
  id: string | null;
  text: string;
}

export interface PointerOptions {
  api: ReaderApi;
  store: AnnotationStore;
  tool: ToolId;
  styles: Record<AnnotationKind, ToolStyle>;
  annotations: readonly Annotation[];
  selectedId: string | null;
  select(id: string | null, options?: { openCard?: boolean }): void;
  setPreview(preview: Preview): void;
  startTextEdit(edit: TextEdit): void;
  /** Markup from the current text selection, when a markup tool is on. */
  markSelection(kind: 'highlight' | 'underline' | 'strikeout'): void;
}

type Gesture =
  | { type: 'ink'; pointerId: number; surface: PageSurface; points: InkPoint[]; pen: boolean }
  | { type: 'shape'; pointerId: number; surface: PageSurface; kind: 'rectangle' | 'ellipse' | 'arrow' | 'freetext'; from: Point; to: Point; startX: number; startY: number; moved: boolean }
  | { type: 'note'; pointerId: number; surface: PageSurface; at: Point }
  | { type: 'move'; pointerId: number; surface: PageSurface; target: Annotation; from: Point; startX: number; startY: number; moved: boolean; geometry: AnnotationGeometry }
  | { type: 'resize'; pointerId: number; surface: PageSurface; target: Annotation; handle: Handle; fixed: Point; geometry: AnnotationGeometry }
  | { type: 'erase'; pointerId: number; surface: PageSurface; last: Point; ids: Set<string> };

/** CSS pixels within which a handle or a thin line is still "under" the pointer. */
const HANDLE_REACH = 9;
const PICK_REACH = 5;
/** A drag shorter than this (CSS px) is a click. */
const DRAG_THRESHOLD = 4;
/** Ink points closer than this (PDF pt) to the previous one add nothing visible. */
const INK_MIN_STEP = 0.35;
/** A text box placed with a click, in PDF points. */
const DEFAULT_TEXT_BOX = { width: 180, height: 36 };

function pressureOf(e: PointerEvent): number {
  // Mice report 0.5 while a button is down and 0 otherwise; only pens and some touch screens mean it.
  if (e.pointerType === 'pen' && e.pressure > 0) return Math.min(1, Math.max(0, e.pressure));
  return 0.5;
}

/** Corner handles (CSS) of the annotation's box, or its two ends for an arrow. */
export function handlesOf(surface: PageSurface, a: Annotation): { handle: Handle; x: number; y: number }[] {
  if (a.kind === 'arrow') {
    const g = a.geometry as GeometryOf<'arrow'>;
    const [fx, fy] = toCss(surface.viewport, g.from);
    const [tx, ty] = toCss(surface.viewport, g.to);
    return [
      { handle: 'from', x: fx, y: fy },
      { handle: 'to', x: tx, y: ty },
    ];
  }
  if (!resizable(a.kind)) return [];
  const b = boundsCss(surface.viewport, { ...a, thickness: 0 });
  return [
    { handle: 'nw', x: b.left, y: b.top },
    { handle: 'ne', x: b.left + b.width, y: b.top },
    { handle: 'sw', x: b.left, y: b.top + b.height },
    { handle: 'se', x: b.left + b.width, y: b.top + b.height },
  ];
}

function opposite(h: Handle): Handle {
  return ({ nw: 'se', se: 'nw', ne: 'sw', sw: 'ne', from: 'to', to: 'from' } as const)[h];
}

function normalized(a: Point, b: Point): Rect {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
}

/** At least `min` points a side, so a box never collapses into an invalid (empty) rectangle. */
function atLeast([x1, y1, x2, y2]: Rect, min: number): Rect {
  return [x1, y1, Math.max(x2, x1 + min), Math.max(y2, y1 + min)];
}

/**
 * The pointer on the pages: drawing with the current tool, picking, moving and resizing
 * annotations, erasing. Listens on the reader's scroll container (capture phase) so one handler
 * serves every page; in select and markup modes a press that is not on an annotation is left
 * alone, so text selection and links keep working.
 */
export function usePagePointer(options: PointerOptions): void {
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const container = options.api.container;
  const drawing = options.tool !== 'select' && !isMarkupTool(options.tool);

  // Touch draws instead of scrolling while a drawing tool is on.
  useEffect(() => {
    if (!drawing) return;
    const before = container.style.getPropertyValue('touch-action');
    container.style.setProperty('touch-action', 'none');
    container.classList.add('ns-annot-drawing');
    return () => {
      container.style.setProperty('touch-action', before);
      container.classList.remove('ns-annot-drawing');
    };
  }, [container, drawing]);

  useEffect(() => {
    let gesture: Gesture | null = null;
    let frame = 0;
    // Chromium still starts a text selection from a pointerdown whose default was prevented: the mousedown that follows is stopped too.
    let swallowMouseDown = false;
    let pendingPreview: Preview | undefined;

    const show = (preview: Preview) => {
      pendingPreview = preview;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (pendingPreview !== undefined) latest.current.setPreview(pendingPreview);
        pendingPreview = undefined;
      });
    };
    const showNow = (preview: Preview) => {
      cancelAnimationFrame(frame);
      frame = 0;
      pendingPreview = undefined;
      latest.current.setPreview(preview);
    };

    const pageAnnotations = (pageIndex: number) =>
      latest.current.annotations.filter((a) => a.pageIndex === pageIndex && a.placement === 'placed');

    const draft = (kind: AnnotationKind, surface: PageSurface, geometry: AnnotationGeometry, extra: Partial<NewAnnotation> = {}): NewAnnotation => {
      const style = latest.current.styles[kind];
      return {
        id: uuidv7(),
        documentId: latest.current.api.documentId,
        kind,
        pageIndex: surface.pageIndex,
        geometry: geometry as unknown as Record<string, unknown>,
        color: style.color,
        thickness: style.thickness,
        opacity: style.opacity,
        ...(kind === 'freetext' ? { fontSize: style.fontSize } : {}),
        ...extra,
      };
    };

    const previewDraft = (d: NewAnnotation) =>
      show({ type: 'draft', annotation: optimisticAnnotation(d, { authorId: null, authorName: '' }, new Date().toISOString()) });

    const capture = (e: PointerEvent) => {
      try {
        container.setPointerCapture(e.pointerId);
      } catch {
        // The pointer is already gone (a very short tap): the gesture ends with its pointerup.
      }
    };

    const onDown = (e: PointerEvent) => {
      const o = latest.current;
      swallowMouseDown = false;
      if (gesture) return;
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      const target = e.target as Element | null;
      if (target?.closest('.ns-annot-editor, .ns-annot-card, input, textarea, button, a[href]')) return;
      const at = surfaceAt(o.api.surfaces, e.clientX, e.clientY);
      if (!at) return;
      const { surface } = at;
      const p = toPdf(surface.viewport, at.x, at.y);
      const scale = surface.viewport.scale || 1;
      const take = () => {
        swallowMouseDown = true;
        e.preventDefault();
        e.stopPropagation();
        capture(e);
      };

      if (o.tool === 'select' || isMarkupTool(o.tool)) {
        const selected = o.selectedId ? o.annotations.find((a) => a.id === o.selectedId) : undefined;
        if (selected && selected.editable && selected.pageIndex === surface.pageIndex && o.tool === 'select') {
          const handle = handlesOf(surface, selected).find((h) => Math.hypot(h.x - at.x, h.y - at.y) <= HANDLE_REACH);
          if (handle) {
            take();
            const other = handlesOf(surface, selected).find((h) => h.handle === opposite(handle.handle))!;
            gesture = {
              type: 'resize',
              pointerId: e.pointerId,
              surface,
              target: selected,
              handle: handle.handle,
              fixed: toPdf(surface.viewport, other.x, other.y),
              geometry: selected.geometry,
            };
            return;
          }
        }
        const hit = hitTest(pageAnnotations(surface.pageIndex), p, PICK_REACH / scale);
        if (!hit) {
          if (o.tool === 'select') o.select(null);
          return;
        }
        take();
        o.select(hit.id);
        // Any focused field (the page box, a note) lets go, so Delete and the shortcuts reach the workspace.
        if (document.activeElement instanceof HTMLElement && document.activeElement !== container) container.focus({ preventScroll: true });
        window.getSelection()?.removeAllRanges();
        gesture = {
          type: 'move',
          pointerId: e.pointerId,
          surface,
          target: hit,
          from: p,
          startX: e.clientX,
          startY: e.clientY,
          moved: false,
          geometry: hit.geometry,
        };
        return;
      }

      take();
      o.select(null);
      switch (o.tool) {
        case 'ink': {
          gesture = { type: 'ink', pointerId: e.pointerId, surface, points: [[p[0], p[1], pressureOf(e)]], pen: e.pointerType === 'pen' };
          previewDraft(draft('ink', surface, { strokes: [gesture.points] }));
          return;
        }
        case 'rectangle':
        case 'ellipse':
        case 'arrow':
        case 'freetext':
          gesture = { type: 'shape', pointerId: e.pointerId, surface, kind: o.tool, from: p, to: p, startX: e.clientX, startY: e.clientY, moved: false };
          return;
        case 'note':
          gesture = { type: 'note', pointerId: e.pointerId, surface, at: p };
          return;
        case 'eraser': {
          const ids = new Set(sweepHits(pageAnnotations(surface.pageIndex).filter((a) => a.editable), p, p, PICK_REACH / scale).map((a) => a.id));
          gesture = { type: 'erase', pointerId: e.pointerId, surface, last: p, ids };
          show({ type: 'erase', pageIndex: surface.pageIndex, ids: new Set(ids) });
          return;
        }
        default:
      }
    };

    const onMove = (e: PointerEvent) => {
      const o = latest.current;
      if (!gesture) {
        if (o.tool === 'select' && e.pointerType === 'mouse') {
          const at = surfaceAt(o.api.surfaces, e.clientX, e.clientY);
          const hit = at ? hitTest(pageAnnotations(at.surface.pageIndex), toPdf(at.surface.viewport, at.x, at.y), PICK_REACH / (at.surface.viewport.scale || 1)) : null;
          container.classList.toggle('ns-annot-over', hit !== null);
        }
        return;
      }
      if (e.pointerId !== gesture.pointerId) return;
      const g = gesture;
      const here = (ev: PointerEvent): Point => {
        const { x, y } = pointOn(g.surface, ev.clientX, ev.clientY);
        return toPdf(g.surface.viewport, x, y);
      };
      switch (g.type) {
        case 'ink': {
          const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
          for (const ev of events.length > 0 ? events : [e]) {
            const p = here(ev);
            const last = g.points[g.points.length - 1]!;
            if (Math.hypot(p[0] - last[0], p[1] - last[1]) < INK_MIN_STEP) continue;
            if (g.points.length >= MAX_INK_POINTS) break;
            g.points.push([p[0], p[1], g.pen ? pressureOf(ev) : 0.5]);
          }
          previewDraft(draft('ink', g.surface, { strokes: [g.points] }));
          return;
        }
        case 'shape': {
          g.to = here(e);
          g.moved ||= Math.hypot(e.clientX - g.startX, e.clientY - g.startY) >= DRAG_THRESHOLD;
          if (!g.moved) return;
          previewDraft(draft(g.kind, g.surface, g.kind === 'arrow' ? { from: g.from, to: g.to } : { rect: atLeast(normalized(g.from, g.to), 1) }));
          return;
        }
        case 'move': {
          if (!g.target.editable || !movable(g.target.kind)) return;
          g.moved ||= Math.hypot(e.clientX - g.startX, e.clientY - g.startY) >= DRAG_THRESHOLD;
          if (!g.moved) return;
          const p = here(e);
          g.geometry = translateGeometry(g.target.kind, g.target.geometry, p[0] - g.from[0], p[1] - g.from[1]);
          show({ type: 'edit', id: g.target.id, geometry: g.geometry });
          return;
        }
        case 'resize': {
          const p = here(e);
          if (g.handle === 'from' || g.handle === 'to') {
            const arrow = g.target.geometry as GeometryOf<'arrow'>;
            g.geometry = g.handle === 'from' ? { from: p, to: arrow.to } : { from: arrow.from, to: p };
          } else {
            const from = annotationBounds(g.target.kind, g.target.geometry, 0);
            g.geometry = resizeGeometry(g.target.kind, g.target.geometry, from, atLeast(normalized(g.fixed, p), 4));
          }
          show({ type: 'edit', id: g.target.id, geometry: g.geometry });
          return;
        }
        case 'erase': {
          const p = here(e);
          const scale = g.surface.viewport.scale || 1;
          for (const a of sweepHits(pageAnnotations(g.surface.pageIndex).filter((x) => x.editable), g.last, p, PICK_REACH / scale)) g.ids.add(a.id);
          g.last = p;
          show({ type: 'erase', pageIndex: g.surface.pageIndex, ids: new Set(g.ids) });
          return;
        }
        default:
      }
    };

    const onUp = (e: PointerEvent) => {
      const o = latest.current;
      if (!gesture) {
        if (isMarkupTool(o.tool) && e.button === 0) {
          // The browser finishes the selection after pointerup: read it on the next tick.
          const kind = o.tool;
          setTimeout(() => latest.current.markSelection(kind), 0);
        }
        return;
      }
      if (e.pointerId !== gesture.pointerId) return;
      const g = gesture;
      gesture = null;
      const cancelled = e.type === 'pointercancel';
      try {
        container.releasePointerCapture(e.pointerId);
      } catch {
        // Already released.
      }
      switch (g.type) {
        case 'ink': {
          showNow(null);
          if (cancelled && g.points.length < 2) return;
          o.store.create(draft('ink', g.surface, { strokes: [g.points] }));
          return;
        }
        case 'shape': {
          showNow(null);
          if (cancelled) return;
          if (g.kind === 'freetext') {
            const rect: Rect = g.moved
              ? atLeast(normalized(g.from, g.to), 12)
              : [g.from[0], g.from[1] - DEFAULT_TEXT_BOX.height, g.from[0] + DEFAULT_TEXT_BOX.width, g.from[1]];
            o.startTextEdit({ pageIndex: g.surface.pageIndex, rect, id: null, text: '' });
            return;
          }
          if (!g.moved) return;
          const geometry = g.kind === 'arrow' ? { from: g.from, to: g.to } : { rect: atLeast(normalized(g.from, g.to), 2) };
          const created = o.store.create(draft(g.kind, g.surface, geometry));
          o.select(created.id);
          return;
        }
        case 'note': {
          if (cancelled) return;
          // The click marks the middle of the icon.
          const half = NOTE_ICON_SIZE / 2;
          const created = o.store.create(draft('note', g.surface, { at: [g.at[0] - half, g.at[1] + half] }));
          o.select(created.id, { openCard: true });
          return;
        }
        case 'move': {
          showNow(null);
          if (!g.moved || cancelled) {
            if (!cancelled) o.select(g.target.id, { openCard: true });
            return;
          }
          o.store.update(g.target.id, { geometry: g.geometry } satisfies AnnotationPatch);
          return;
        }
        case 'resize': {
          showNow(null);
          if (!cancelled) o.store.update(g.target.id, { geometry: g.geometry });
          return;
        }
        case 'erase': {
          showNow(null);
          if (!cancelled && g.ids.size > 0) o.store.remove([...g.ids]);
          return;
        }
        default:
      }
    };

    const onMouseDown = (e: MouseEvent) => {
      if (!swallowMouseDown) return;
      swallowMouseDown = false;
      e.preventDefault();
    };

    const onDoubleClick = (e: MouseEvent) => {
      const o = latest.current;
      if (o.tool !== 'select') return;
      const at = surfaceAt(o.api.surfaces, e.clientX, e.clientY);
      if (!at) return;
      const hit = hitTest(pageAnnotations(at.surface.pageIndex), toPdf(at.surface.viewport, at.x, at.y), PICK_REACH / (at.surface.viewport.scale || 1));
      if (hit?.kind === 'freetext' && hit.editable) {
        e.preventDefault();
        o.startTextEdit({ pageIndex: hit.pageIndex, rect: (hit.geometry as GeometryOf<'freetext'>).rect, id: hit.id, text: hit.contents ?? '' });
      }
    };

    container.addEventListener('pointerdown', onDown, { capture: true });
    container.addEventListener('pointermove', onMove);
    container.addEventListener('pointerup', onUp);
    container.addEventListener('pointercancel', onUp);
    container.addEventListener('dblclick', onDoubleClick);
    container.addEventListener('mousedown', onMouseDown, { capture: true });
    return () => {
      container.removeEventListener('mousedown', onMouseDown, { capture: true });
      cancelAnimationFrame(frame);
      container.removeEventListener('pointerdown', onDown, { capture: true });
      container.removeEventListener('pointermove', onMove);
      container.removeEventListener('pointerup', onUp);
      container.removeEventListener('pointercancel', onUp);
      container.removeEventListener('dblclick', onDoubleClick);
      container.classList.remove('ns-annot-over');
    };
  }, [container]);
}
