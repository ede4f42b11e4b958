import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import type { EditorState, LexicalEditor } from 'lexical';
import { useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesContent } from '../../../../../shared/minutes/document.ts';
import { MINUTES_NODES } from '../nodes/index.ts';
import { InsertShortcutsPlugin } from './InsertShortcutsPlugin.tsx';
import { PastePlugin } from './PastePlugin.tsx';
import { ProtectItemsPlugin } from './ProtectItemsPlugin.tsx';
import { SlashMenuPlugin } from './SlashMenuPlugin.tsx';
import { minutesTheme } from './theme.ts';
import { Toolbar } from './Toolbar.tsx';

interface MinutesEditorProps {
  /** The content to start from; the editor is remounted (new key) when it must start over. */
  initial: MinutesContent;
  editable: boolean;
  editorRef: RefObject<LexicalEditor | null>;
  onChange: (state: EditorState) => void;
  onSave: () => void;
  /** False for the conclusion notice: plain official prose, without opinions, votes and conclusions. */
  appBlocks?: boolean;
  /** The editing area's accessible name (the minutes' by default). */
  label?: string;
}

/** The minutes' rich-text editor (Lexical) with the app's own blocks; the notice uses it without them. */
export function MinutesEditor({ initial, editable, editorRef, onChange, onSave, appBlocks = true, label }: MinutesEditorProps) {
  const { t } = useTranslation('minutes');
  const config = useMemo<InitialConfigType>(
    () => ({
      namespace: 'nghisu-minutes',
      nodes: MINUTES_NODES,
      theme: minutesTheme,
      editable,
      editorState: JSON.stringify(initial),
      onError: (error: Error) => {
        throw error;
      },
    }),
    // The initial state is read once per mount; a new content remounts the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return (
    <LexicalComposer initialConfig={config}>
      <div className="ns-minutes-editor">
        {editable ? <Toolbar onSave={onSave} appBlocks={appBlocks} /> : null}
        <div className="ns-minutes-sheet">
          <RichTextPlugin
            contentEditable={<ContentEditable className="ns-minutes-content" aria-label={label ?? t('editorLabel')} spellCheck={false} />}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} />
        {appBlocks ? <InsertShortcutsPlugin /> : null}
        <ProtectItemsPlugin />
        <PastePlugin />
        {editable ? <SlashMenuPlugin appBlocks={appBlocks} /> : null}
        <EditorRefPlugin editorRef={editorRef} />
        <OnChangePlugin ignoreSelectionChange onChange={onChange} />
      </div>
    </LexicalComposer>
  );
}
