import { z } from 'zod';
import { passRules } from '../room/tally.ts';

/**
 * The minutes (biên bản) as the editor stores it: Lexical's serialized editor state, limited to the
 * nodes the app knows how to check, diff and export. The core never runs Lexical: it validates this
 * JSON, reads the conclusions out of it and walks it to write DOCX and PDF (ADR 0007).
 *
 * Fields Lexical adds that the app does not read (direction, textStyle, …) are kept as they are, so
 * a save round-trips what the editor sent.
 */

/** Lexical's text format bits. */
export const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, subscript: 32, superscript: 64 } as const;

const MAX_TEXT = 20_000;
const id = z.uuid({ error: 'Mã định danh không hợp lệ / invalid id' });
const count = z.number().int().min(0).max(100_000);
const element = { version: z.number().int().optional(), indent: z.number().int().min(0).max(10).optional(), format: z.union([z.string().max(20), z.number()]).optional() };

const textNode = z.looseObject({
  type: z.literal('text'),
  text: z.string().max(MAX_TEXT),
  format: z.number().int().min(0).max(2047).optional(),
});
const inlineNode = z.discriminatedUnion('type', [
  textNode,
  z.looseObject({ type: z.literal('linebreak') }),
  z.looseObject({ type: z.literal('tab'), text: z.string().max(10).optional() }),
]);
export type InlineNode = z.infer<typeof inlineNode>;
const inlines = z.array(inlineNode).max(5_000);

/** Text the app wrote from the meeting's facts; `generated` is what it wrote, to tell whether the secretary changed it. */
const prefillNode = z.looseObject({
  type: z.literal('ns-prefill'),
  key: z.string().min(1).max(100).regex(/^[a-z0-9:.-]+$/),
  generated: z.string().max(MAX_TEXT),
  children: inlines,
  ...element,
});

/** The start of one agenda item's section: everything after it, up to the next, is about that item. */
const itemNode = z.looseObject({
  type: z.literal('ns-item'),
  agendaItemId: id,
  number: z.string().max(20),
  title: z.string().max(1000),
});

/** One speaker's opinion (ý kiến phát biểu): a participant picked from the list, or a name typed. */
const opinionNode = z.looseObject({
  type: z.literal('ns-opinion'),
  id,
  personId: id.nullable(),
  speaker: z.string().max(300),
  text: z.string().max(MAX_TEXT),
});

/** A vote's tally (biểu quyết), typed by hand or filled by the live room. */
const voteNode = z.looseObject({
  type: z.literal('ns-vote'),
  id,
  question: z.string().max(2000),
  agree: count,
  disagree: count,
  other: count,
  /**
   * How the result is decided and what it is taken of: the members with a vote and, of them, those
   * present at the vote (filled from the attendance, editable). Minutes written before have none:
   * their votes show the counts only.
   */
  rule: z.enum(passRules).optional(),
  members: count.nullable().optional(),
  present: count.nullable().optional(),
  /** On an exact tie, where the working rules give it to the chair's side: how the chair voted. */
  chairChoice: z.enum(['agree', 'disagree']).nullable().optional(),
});

/** A conclusion (kết luận): the id stays the same across edits and revisions, so a task can point at it. */
const conclusionNode = z.looseObject({
  type: z.literal('ns-conclusion'),
  id,
  text: z.string().max(MAX_TEXT),
  leadUnitId: id.nullable(),
  coordinatingUnitIds: z.array(id).max(100),
  deadline: z.iso.date().nullable(),
});

const paragraphNode = z.looseObject({ type: z.literal('paragraph'), children: inlines, ...element });
const headingNode = z.looseObject({ type: z.literal('heading'), tag: z.enum(['h1', 'h2', 'h3', 'h4']), children: inlines, ...element });
const quoteNode = z.looseObject({ type: z.literal('quote'), children: inlines, ...element });

export interface ListItemJson {
  type: 'listitem';
  children: (InlineNode | ListJson)[];
  [k: string]: unknown;
}
export interface ListJson {
  type: 'list';
  listType: 'bullet' | 'number' | 'check';
  children: ListItemJson[];
  [k: string]: unknown;
}
const listNode: z.ZodType<ListJson> = z.lazy(() =>
  z.looseObject({
    type: z.literal('list'),
    listType: z.enum(['bullet', 'number', 'check']),
    start: z.number().int().optional(),
    children: z.array(listItemNode).max(2_000),
  }),
);
const listItemNode: z.ZodType<ListItemJson> = z.lazy(() =>
  z.looseObject({ type: z.literal('listitem'), children: z.array(z.union([inlineNode, listNode])).max(5_000), ...element }),
);

const cellBlock = z.discriminatedUnion('type', [paragraphNode, headingNode, quoteNode]);
const tableCell = z.looseObject({
  type: z.literal('tablecell'),
  headerState: z.number().int().min(0).max(3).optional(),
  colSpan: z.number().int().min(1).max(50).optional(),
  rowSpan: z.number().int().min(1).max(500).optional(),
  width: z.number().nullish(),
  children: z.array(z.union([cellBlock, listNode])).max(200),
});
const tableNode = z.looseObject({
  type: z.literal('table'),
  children: z.array(z.looseObject({ type: z.literal('tablerow'), children: z.array(tableCell).max(50) })).max(1_000),
});

const blockNode = z.union([paragraphNode, headingNode, quoteNode, prefillNode, itemNode, opinionNode, voteNode, conclusionNode, listNode, tableNode]);

export const minutesContent = z.looseObject({
  root: z.looseObject({ type: z.literal('root'), children: z.array(blockNode).max(20_000) }),
});

export type MinutesContent = z.infer<typeof minutesContent>;
export type BlockNode = z.infer<typeof blockNode>;
export type ParagraphJson = z.infer<typeof paragraphNode>;
export type HeadingJson = z.infer<typeof headingNode>;
export type PrefillJson = z.infer<typeof prefillNode>;
export type ItemJson = z.infer<typeof itemNode>;
export type OpinionJson = z.infer<typeof opinionNode>;
export type VoteJson = z.infer<typeof voteNode>;
export type ConclusionJson = z.infer<typeof conclusionNode>;
export type TableJson = z.infer<typeof tableNode>;

/** The size above which a save is refused: a 30-page minutes is ~200 kB; a 5 MB paste is a mistake. */
export const MAX_CONTENT_BYTES = 4 * 1024 * 1024;
