import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/contract/annotations.ts';
import { distanceToSegment, hitTest, hits, sweepHits } from '../../../renderer/src/features/reader/annotations/model/hitTest.ts';

type Shape = Pick<Annotation, 'kind' | 'geometry' | 'thickness'> & { id: string };

const highlight: Shape = { id: 'h', kind: 'highlight', thickness: 1, geometry: { quads: [[100, 714, 260, 714, 100, 700, 260, 700]] } };
const ink: Shape = { id: 'i', kind: 'ink', thickness: 2, geometry: { strokes: [[[100, 500, 0.5], [200, 500, 0.5], [200, 600, 0.5]]] } };
const frame: Shape = { id: 'r', kind: 'rectangle', thickness: 2, geometry: { rect: [50, 50, 250, 150] } };
const ring: Shape = { id: 'e', kind: 'ellipse', thickness: 2, geometry: { rect: [300, 50, 500, 150] } };
const note: Shape = { id: 'n', kind: 'note', thickness: 1, geometry: { at: [400, 400] } };
const arrow: Shape = { id: 'a', kind: 'arrow', thickness: 2, geometry: { from: [300, 300], to: [400, 350] } };

describe('picking annotations under the pointer (PDF page space)', () => {
  it('measures the distance to a segment, ends included', () => {
    expect(distanceToSegment([5, 5], [0, 0], [10, 0])).toBe(5);
    expect(distanceToSegment([-3, 4], [0, 0], [10, 0])).toBe(5);
  });

  it('picks markup anywhere on its words, not beside them', () => {
    expect(hits(highlight, [180, 707], 2)).toBe(true);
    expect(hits(highlight, [180, 730], 2)).toBe(false);
  });

  it('picks ink on its line within the tolerance', () => {
    expect(hits(ink, [150, 502], 2)).toBe(true);
    expect(hits(ink, [201, 550], 1)).toBe(true);
    expect(hits(ink, [150, 540], 2)).toBe(false);
  });

  it('picks shapes on their outline only, so text inside a frame stays selectable', () => {
    expect(hits(frame, [50.5, 100], 2)).toBe(true);
    expect(hits(frame, [150, 100], 2)).toBe(false);
    expect(hits(ring, [300.5, 100], 2)).toBe(true);
    expect(hits(ring, [400, 100], 2)).toBe(false);
  });

  it('picks a sticky note on its icon (anchor at its upper-left corner)', () => {
    expect(hits(note, [410, 390], 0)).toBe(true);
    expect(hits(note, [410, 410], 0)).toBe(false);
  });

  it('picks an arrow near its shaft', () => {
    expect(hits(arrow, [350, 326], 1)).toBe(true);
    expect(hits(arrow, [350, 360], 1)).toBe(false);
  });

  it('returns the topmost (last drawn) of overlapping annotations', () => {
    const under: Shape = { id: 'under', kind: 'freetext', thickness: 1, geometry: { rect: [0, 0, 100, 100] } };
    const over: Shape = { id: 'over', kind: 'freetext', thickness: 1, geometry: { rect: [50, 50, 150, 150] } };
    expect(hitTest([under, over], [75, 75], 1)?.id).toBe('over');
    expect(hitTest([under, over], [25, 25], 1)?.id).toBe('under');
    expect(hitTest([under, over], [500, 500], 1)).toBeNull();
  });

  it('an eraser sweep collects everything it crosses, once', () => {
    const found = sweepHits([ink, frame, note], [150, 40], [150, 520], 2);
    expect(found.map((a) => a.id).sort()).toEqual(['i', 'r']);
  });
});
