import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isNodeSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootNode,
  COMMAND_PRIORITY_HIGH,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { $isItemNode } from '../nodes/ItemNode.tsx';

function topLevel(node: LexicalNode): LexicalNode | null {
  let block: LexicalNode | null = node;
  while (block && block.getParent() && !$isRootNode(block.getParent())) block = block.getParent();
  return block && !$isRootNode(block) ? block : null;
}

/** Is the caret at the very start (or end) of its block? */
function atEdge(node: LexicalNode, offset: number, block: LexicalNode, start: boolean): boolean {
  const size = $isElementNode(node) ? node.getChildrenSize() : node.getTextContentSize();
  if (start ? offset !== 0 : offset !== size) return false;
  for (let n: LexicalNode | null = node; n && n !== block; n = n.getParent()) {
    if ((start ? n.getPreviousSibling() : n.getNextSibling()) !== null) return false;
  }
  return true;
}

/** Would this key, with this selection, delete an agenda item's heading on its own? */
function $wouldDeleteItem(backward: boolean): boolean {
  const selection = $getSelection();
  if ($isNodeSelection(selection)) return selection.getNodes().some($isItemNode);
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const block = topLevel(selection.anchor.getNode());
  if (!block) return false;
  const neighbour = backward ? block.getPreviousSibling() : block.getNextSibling();
  return $isItemNode(neighbour) && atEdge(selection.anchor.getNode(), selection.anchor.offset, block, backward);
}

/**
 * An agenda item's heading comes from the agenda: Backspace at the start of the paragraph under it,
 * or Delete at the end of the paragraph above it, leaves it in place. Selecting across several
 * blocks and deleting still removes what was selected.
 */
export function ProtectItemsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const guard = (backward: boolean) => (event: KeyboardEvent | null) => {
      if (!$wouldDeleteItem(backward)) return false;
      event?.preventDefault();
      return true;
    };
    return mergeRegister(
      editor.registerCommand(KEY_BACKSPACE_COMMAND, guard(true), COMMAND_PRIORITY_HIGH),
      editor.registerCommand(KEY_DELETE_COMMAND, guard(false), COMMAND_PRIORITY_HIGH),
    );
  }, [editor]);
  return null;
}
