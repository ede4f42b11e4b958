import { diffArrays } from 'diff';
import type { MinutesDiffLine } from '../../../../shared/contract/index.ts';
import { blockText } from '../../../../shared/minutes/blocks.ts';
import type { MinutesContent } from '../../../../shared/minutes/document.ts';

/** Block-by-block difference of two contents: what a reader compares, not the JSON behind it. */
export function diffContents(from: MinutesContent, to: MinutesContent): MinutesDiffLine[] {
  const lines = (c: MinutesContent) => c.root.children.map(blockText).filter((t) => t.trim() !== '');
  return diffArrays(lines(from), lines(to)).flatMap((part) =>
    part.value.map((text) => ({ change: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('same' as const), text })),
  );
}
