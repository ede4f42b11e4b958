import { createEditor, $getRoot, $createParagraphNode, $createTextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { conclusionsOf } from '../../../shared/minutes/blocks.ts';
import { minutesContent, type MinutesContent } from '../../../shared/minutes/document.ts';
import { MINUTES_NODES } from '../../../renderer/src/features/minutes/nodes/index.ts';
import { $createConclusionNode } from '../../../renderer/src/features/minutes/nodes/ConclusionNode.tsx';
import { insertBlock } from '../../../renderer/src/features/minutes/editor/insertBlock.ts';

const ITEM = '0190f7a2-0000-7000-8000-000000000001';
const UNIT = '0190f7a2-0000-7000-8000-000000000002';
const text = (t: string, format = 0) => ({ type: 'text', text: t, format, detail: 0, mode: 'normal', style: '', version: 1 });

/** The blocks the core writes in a draft, and the ones the editor inserts. */
const stored: MinutesContent = {
  root: {
    type: 'root',
    direction: null,
    format: '',
    indent: 0,
    version: 1,
    children: [
      { type: 'ns-prefill', key: 'time', generated: 'Thời gian bắt đầu: 8 giờ.', children: [text('Thời gian bắt đầu: 8 giờ 30.')], direction: null, format: '', indent: 0, version: 1 },
      { type: 'paragraph', children: [text('Nội dung cuộc họp:', 1)], direction: null, format: '', indent: 0, version: 1 },
      { type: 'ns-item', agendaItemId: ITEM, number: '1', title: 'Tiến độ các công trình', version: 1 },
      { type: 'ns-opinion', id: '0190f7a2-0000-7000-8000-000000000003', personId: null, speaker: 'Ông Nguyễn Văn Thành', text: 'Đề nghị đẩy nhanh.', version: 1 },
      { type: 'ns-vote', id: '0190f7a2-0000-7000-8000-000000000004', question: 'Thông qua kế hoạch?', agree: 7, disagree: 1, other: 0, version: 1 },
      {
        type: 'ns-conclusion',
        id: '0190f7a2-0000-7000-8000-000000000005',
        text: 'Sở Xây dựng hoàn thành trước 31/12.',
        leadUnitId: UNIT,
        coordinatingUnitIds: [],
        deadline: '2026-12-31',
        version: 1,
      },
      { type: 'list', listType: 'bullet', start: 1, tag: 'ul', children: [{ type: 'listitem', value: 1, children: [text('Một ý')], direction: null, format: '', indent: 0, version: 1 }], direction: null, format: '', indent: 0, version: 1 },
    ],
  },
} as MinutesContent;

function editorWith(content: MinutesContent) {
  const editor = createEditor({ namespace: 'test', nodes: MINUTES_NODES, onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(content)));
  return editor;
}

describe('the minutes editor nodes', () => {
  it('write back the shapes of shared/minutes/document.ts, custom fields unchanged', () => {
    const out = editorWith(stored).getEditorState().toJSON();
    const parsed = minutesContent.parse(JSON.parse(JSON.stringify(out)));
    const pick = (b: Record<string, unknown>) => {
      const { version: _v, direction: _d, format: _f, indent: _i, textFormat: _tf, textStyle: _ts, children, ...rest } = b;
      return { ...rest, ...(Array.isArray(children) ? { children: (children as Record<string, unknown>[]).map((c) => ({ type: c['type'], text: c['text'] })) } : {}) };
    };
    const types = ['ns-prefill', 'ns-item', 'ns-opinion', 'ns-vote', 'ns-conclusion'];
    expect(parsed.root.children.filter((b) => types.includes(b.type)).map(pick)).toEqual(stored.root.children.filter((b) => types.includes(b.type)).map(pick));
    expect(parsed.root.children.map((b) => b.type)).toEqual(stored.root.children.map((b) => b.type));
    expect(conclusionsOf(parsed)).toEqual(conclusionsOf(stored));
  });

  it('a conclusion inserted in the editor is a valid ns-conclusion block', () => {
    const editor = editorWith(stored);
    editor.update(
      () => {
        $getRoot().append($createConclusionNode({ id: '0190f7a2-0000-7000-8000-000000000006', text: 'Giao Sở Tài chính.', leadUnitId: null, coordinatingUnitIds: [UNIT], deadline: null }));
        $getRoot().append($createParagraphNode().append($createTextNode('Cuối.')));
      },
      { discrete: true },
    );
    const parsed = minutesContent.parse(JSON.parse(JSON.stringify(editor.getEditorState().toJSON())));
    expect(conclusionsOf(parsed).map((c) => [c.text, c.agendaItemId, c.coordinatingUnitIds, c.ordinal])).toEqual([
      ['Sở Xây dựng hoàn thành trước 31/12.', ITEM, [], 1],
      ['Giao Sở Tài chính.', ITEM, [UNIT], 2],
    ]);
  });

  it('with no cursor, an inserted block goes at the end of the last agenda item, before the closing line', async () => {
    const closing = { type: 'ns-prefill', key: 'end', generated: 'Cuộc họp kết thúc.', children: [text('Cuộc họp kết thúc.')], direction: null, format: '', indent: 0, version: 1 };
    const editor = editorWith({ root: { ...stored.root, children: [...stored.root.children, closing] } } as MinutesContent);
    insertBlock(editor, 'vote');
    await Promise.resolve();
    editor.update(() => undefined, { discrete: true });
    const parsed = minutesContent.parse(JSON.parse(JSON.stringify(editor.getEditorState().toJSON())));
    const types = parsed.root.children.map((b) => b.type);
    expect(types.slice(-3)).toEqual(['list', 'ns-vote', 'ns-prefill']);
    const vote = parsed.root.children.at(-2)!;
    expect(vote).toMatchObject({ type: 'ns-vote', question: '', agree: 0, disagree: 0, other: 0 });
  });
});
