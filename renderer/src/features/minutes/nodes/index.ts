import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { ConclusionNode } from './ConclusionNode.tsx';
import { ItemNode } from './ItemNode.tsx';
import { OpinionNode } from './OpinionNode.tsx';
import { PrefillNode } from './PrefillNode.ts';
import { VoteNode } from './VoteNode.tsx';

/**
 * Every node the minutes editor knows: exactly the ones shared/minutes/document.ts accepts. Links,
 * code and images are not registered, so pasting them keeps their words only.
 */
export const MINUTES_NODES: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  PrefillNode,
  ItemNode,
  OpinionNode,
  VoteNode,
  ConclusionNode,
];
