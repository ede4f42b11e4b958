import { $getNearestNodeFromDOMNode, $getRoot, $isRootNode, $getSelection, $isRangeSelection, $isNodeSelection, type LexicalEditor, type LexicalNode } from 'lexical';
import { v7 as uuidv7 } from 'uuid';
import { $createConclusionNode } from '../nodes/ConclusionNode.tsx';
import { $createOpinionNode } from '../nodes/OpinionNode.tsx';
import { $isPrefillNode } from '../nodes/PrefillNode.ts';
import { $createVoteNode } from '../nodes/VoteNode.tsx';

export type BlockKind = 'opinion' | 'vote' | 'conclusion';

/**
 * The top-level block holding the cursor (a table or list counts as one block), if any. The cursor
 * may be in a field of one of the app's blocks (an opinion's text): Lexical has no selection then,
 * so the focused block is found from the page's focus.
 */
function $currentBlock(focused: HTMLElement | null): LexicalNode | null {
  const selection = $getSelection();
  const node = focused
    ? $getNearestNodeFromDOMNode(focused)
    : $isRangeSelection(selection)
      ? selection.anchor.getNode()
      : $isNodeSelection(selection)
        ? (selection.getNodes()[0] ?? null)
        : null;
  let block: LexicalNode | null = node;
  while (block && block.getParent() && !$isRootNode(block.getParent())) block = block.getParent();
  return block && !$isRootNode(block) && block.getParent() ? block : null;
}

/**
 * Puts a new opinion, vote or conclusion right after the block with the cursor, so it falls in the
 * agenda item being written; with no cursor, at the end of the last item (before the closing line).
 * Blocks are always top-level: the stored minutes allow them nowhere else.
 */
export function insertBlock(editor: LexicalEditor, kind: BlockKind): void {
  const id = uuidv7();
  const root = editor.getRootElement();
  const active = root?.ownerDocument.activeElement ?? null;
  const focusedBlock = root && active && root.contains(active) ? active.closest<HTMLElement>('[data-block-id]') : null;
  editor.update(
    () => {
      const node =
        kind === 'opinion'
          ? $createOpinionNode({ id, personId: null, speaker: '', text: '' })
          : kind === 'vote'
            ? $createVoteNode({ id, question: '', agree: 0, disagree: 0, other: 0 })
            : $createConclusionNode({ id, text: '', leadUnitId: null, coordinatingUnitIds: [], deadline: null });
      const current = $currentBlock(focusedBlock);
      if (current) {
        current.insertAfter(node);
        return;
      }
      const last = $getRoot().getLastChild();
      if (last && $isPrefillNode(last) && last.getFact() === 'end') last.insertBefore(node);
      else $getRoot().append(node);
    },
    {
      onUpdate: () => {
        // Put the cursor in the new block's first field, so the secretary types straight away.
        const field = editor.getRootElement()?.querySelector<HTMLElement>(`[data-block-id="${id}"] input, [data-block-id="${id}"] textarea`);
        field?.focus();
      },
    },
  );
}
