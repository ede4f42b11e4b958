import { describe, expect, it } from 'vitest';
import { emptyHistory, pruneHistory, pushHistory, redoHistory, undoHistory } from '../../../renderer/src/features/reader/annotations/model/history.ts';

describe('undo/redo stack', () => {
  it('undoes newest first and redoes in the order undone', () => {
    let h = emptyHistory<string>();
    h = pushHistory(h, 'a');
    h = pushHistory(h, 'b');
    const u1 = undoHistory(h)!;
    expect(u1.entry).toBe('b');
    const u2 = undoHistory(u1.stack)!;
    expect(u2.entry).toBe('a');
    expect(undoHistory(u2.stack)).toBeNull();
    const r1 = redoHistory(u2.stack)!;
    expect(r1.entry).toBe('a');
    expect(redoHistory(r1.stack)!.entry).toBe('b');
  });

  it('forgets what was undone once something new is done', () => {
    let h = pushHistory(pushHistory(emptyHistory<string>(), 'a'), 'b');
    h = undoHistory(h)!.stack;
    h = pushHistory(h, 'c');
    expect(redoHistory(h)).toBeNull();
    expect(h.done).toEqual(['a', 'c']);
  });

  it('keeps only the newest entries past the limit', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < 10; i++) h = pushHistory(h, i, 3);
    expect(h.done).toEqual([7, 8, 9]);
  });

  it('drops entries that can no longer be replayed', () => {
    const h = pruneHistory(pushHistory(pushHistory(emptyHistory<string>(), 'keep'), 'gone'), (e) => e !== 'gone');
    expect(h.done).toEqual(['keep']);
  });
});
