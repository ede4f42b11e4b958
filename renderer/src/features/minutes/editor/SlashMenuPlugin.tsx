import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalTypeaheadMenuPlugin, MenuOption, useBasicTypeaheadTriggerMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $createHeadingNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $getSelection, $isRangeSelection, type LexicalEditor, type TextNode } from 'lexical';
import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { foldText } from '../../../../../shared/contract/index.ts';
import { insertBlock } from './insertBlock.ts';

class SlashOption extends MenuOption {
  readonly label: string;
  readonly run: (editor: LexicalEditor) => void;

  constructor(key: string, label: string, run: (editor: LexicalEditor) => void) {
    super(key);
    this.label = label;
    this.run = run;
  }
}

/** "/" at the start of a word opens the list of what can be inserted: the minutes' blocks first. */
export function SlashMenuPlugin({ appBlocks }: { appBlocks: boolean }) {
  const { t } = useTranslation('minutes');
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const trigger = useBasicTypeaheadTriggerMatch('/', { minLength: 0, allowWhitespace: true });

  const all = useMemo(
    () => [
      ...(appBlocks
        ? [
            new SlashOption('opinion', t('opinion.title'), (e) => insertBlock(e, 'opinion')),
            new SlashOption('vote', t('vote.title'), (e) => insertBlock(e, 'vote')),
            new SlashOption('conclusion', t('conclusion.title'), (e) => insertBlock(e, 'conclusion')),
          ]
        : []),
      ...(['h2', 'h3'] as const).map(
        (tag) =>
          new SlashOption(tag, t(`toolbar.${tag}`), (e) =>
            e.update(() => {
              const selection = $getSelection();
              if ($isRangeSelection(selection)) $setBlocksType(selection, () => $createHeadingNode(tag));
            }),
          ),
      ),
      new SlashOption('bullet', t('toolbar.bullet'), (e) => e.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)),
      new SlashOption('number', t('toolbar.number'), (e) => e.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)),
      new SlashOption('table', t('toolbar.table'), (e) => e.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } })),
    ],
    [t, appBlocks],
  );
  const options = useMemo(() => {
    const q = foldText(query ?? '').trim();
    return q ? all.filter((o) => foldText(o.label).includes(q)) : all;
  }, [all, query]);

  function select(option: SlashOption, typed: TextNode | null, close: () => void): void {
    editor.update(() => {
      // The "/…" typed to open the menu goes away; what was chosen takes its place.
      typed?.remove();
      close();
    });
    option.run(editor);
  }

  return (
    <LexicalTypeaheadMenuPlugin<SlashOption>
      onQueryChange={setQuery}
      onSelectOption={select}
      triggerFn={trigger}
      options={options}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
        anchor.current && options.length
          ? createPortal(
              <ul className="ns-minutes-slash" role="listbox" aria-label={t('toolbar.slash')}>
                {options.map((option, i) => (
                  <li
                    key={option.key}
                    ref={(el) => option.setRefElement(el)}
                    role="option"
                    aria-selected={selectedIndex === i}
                    className={selectedIndex === i ? 'ns-minutes-slash-item is-active' : 'ns-minutes-slash-item'}
                    onMouseEnter={() => setHighlightedIndex(i)}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => selectOptionAndCleanUp(option)}
                  >
                    {option.label}
                  </li>
                ))}
              </ul>,
              anchor.current,
            )
          : null
      }
    />
  );
}
