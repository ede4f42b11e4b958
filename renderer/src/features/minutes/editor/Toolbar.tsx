import {
  BoldOutlined,
  CommentOutlined,
  FlagOutlined,
  ItalicOutlined,
  LikeOutlined,
  OrderedListOutlined,
  RedoOutlined,
  SaveOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, $isListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $isHeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import { Button, Divider, Select, Tooltip } from 'antd';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { insertBlock, type BlockKind } from './insertBlock.ts';

type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'bullet' | 'number' | 'other';

interface Formats {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  block: BlockType;
}

/** The formatting bar above the minutes: undo/redo, text formats, block types, lists, table, and the minutes' own blocks. */
export function Toolbar({ onSave, appBlocks }: { onSave: () => void; appBlocks: boolean }) {
  const { t } = useTranslation('minutes');
  const [editor] = useLexicalComposerContext();
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [formats, setFormats] = useState<Formats>({ bold: false, italic: false, underline: false, block: 'paragraph' });

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerUpdateListener(({ editorState }) =>
          editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const anchor = selection.anchor.getNode();
            let top = anchor;
            while (top.getParent() && !$isRootOrShadowRoot(top.getParent())) top = top.getParent()!;
            const list = anchor.getParents().find($isListNode);
            const block: BlockType = list
              ? list.getListType() === 'number'
                ? 'number'
                : 'bullet'
              : $isHeadingNode(top)
                ? (['h1', 'h2', 'h3'].includes(top.getTag()) ? (top.getTag() as BlockType) : 'other')
                : top.getType() === 'paragraph' || top.getType() === 'ns-prefill'
                  ? 'paragraph'
                  : 'other';
            setFormats({ bold: selection.hasFormat('bold'), italic: selection.hasFormat('italic'), underline: selection.hasFormat('underline'), block });
          }),
        ),
      ),
    [editor],
  );

  const format = (f: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f);
  const setBlock = (type: BlockType) => {
    if (type === 'bullet') return editor.dispatchCommand(formats.block === 'bullet' ? REMOVE_LIST_COMMAND : INSERT_UNORDERED_LIST_COMMAND, undefined);
    if (type === 'number') return editor.dispatchCommand(formats.block === 'number' ? REMOVE_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      $setBlocksType(selection, () => (type === 'paragraph' ? $createParagraphNode() : $createHeadingNode(type as HeadingTagType)));
    });
  };
  const insert = (kind: BlockKind) => insertBlock(editor, kind);

  const tool = (label: string, icon: ReactNode, onClick: () => void, options: { active?: boolean; disabled?: boolean; text?: boolean } = {}) => (
    <Tooltip title={options.text ? `${label} — ${t('toolbar.insertHint')}` : label}>
      <Button
        type={options.active ? 'primary' : 'text'}
        ghost={options.active}
        icon={icon}
        aria-label={label.replace(/ \(.*\)$/, '')}
        aria-pressed={options.active === undefined ? undefined : options.active}
        disabled={options.disabled}
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      >
        {options.text ? label.replace(/ \(.*\)$/, '') : null}
      </Button>
    </Tooltip>
  );

  return (
    <div className="ns-minutes-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {tool(t('toolbar.undo'), <UndoOutlined />, () => editor.dispatchCommand(UNDO_COMMAND, undefined), { disabled: !canUndo })}
      {tool(t('toolbar.redo'), <RedoOutlined />, () => editor.dispatchCommand(REDO_COMMAND, undefined), { disabled: !canRedo })}
      <Divider orientation="vertical" />
      <Select<BlockType>
        aria-label={t('toolbar.blockType')}
        className="ns-minutes-blocktype"
        value={formats.block === 'bullet' || formats.block === 'number' || formats.block === 'other' ? undefined : formats.block}
        placeholder={t('toolbar.blockType')}
        onChange={setBlock}
        options={(['paragraph', 'h1', 'h2', 'h3'] as const).map((v) => ({ value: v, label: t(`toolbar.${v}`) }))}
      />
      {tool(t('toolbar.bold'), <BoldOutlined />, () => format('bold'), { active: formats.bold })}
      {tool(t('toolbar.italic'), <ItalicOutlined />, () => format('italic'), { active: formats.italic })}
      {tool(t('toolbar.underline'), <UnderlineOutlined />, () => format('underline'), { active: formats.underline })}
      <Divider orientation="vertical" />
      {tool(t('toolbar.bullet'), <UnorderedListOutlined />, () => setBlock('bullet'), { active: formats.block === 'bullet' })}
      {tool(t('toolbar.number'), <OrderedListOutlined />, () => setBlock('number'), { active: formats.block === 'number' })}
      {tool(t('toolbar.table'), <TableOutlined />, () => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } }))}
      {appBlocks ? (
        <>
          <Divider orientation="vertical" />
          {tool(t('toolbar.opinion'), <CommentOutlined />, () => insert('opinion'), { text: true })}
          {tool(t('toolbar.vote'), <LikeOutlined />, () => insert('vote'), { text: true })}
          {tool(t('toolbar.conclusion'), <FlagOutlined />, () => insert('conclusion'), { text: true })}
        </>
      ) : null}
      <span className="ns-minutes-toolbar-end">{tool(t('toolbar.save'), <SaveOutlined />, onSave)}</span>
    </div>
  );
}
