import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { App as AntApp } from 'antd';
import { COMMAND_PRIORITY_HIGH, PASTE_COMMAND, TextNode } from 'lexical';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Clipboard contents larger than this are refused whole. A 30-page minutes is about 200 kB of
 * text; a paste of several MB (a whole report, a spreadsheet) would freeze the editor and could
 * never be saved (the core takes 4 MB at most).
 */
export const MAX_PASTE_CHARS = 1_000_000;

/**
 * Paste as an official document wants it: structure kept (paragraphs, headings, lists, tables,
 * bold/italic/underline — Lexical's own import), everything else dropped. Word and web pages bring
 * inline styles (mso-*, fonts, sizes, colours) that Lexical keeps on text; the minutes' look is the
 * layout's, so those go. Images have no node here and are dropped by the import.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  const { message } = AntApp.useApp();
  const { t } = useTranslation('minutes');
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = 'clipboardData' in event ? event.clipboardData : null;
            if (!data) return false;
            const size = Math.max(data.getData('text/html').length, data.getData('text/plain').length);
            if (size <= MAX_PASTE_CHARS) return false;
            event.preventDefault();
            void message.error(t('paste.tooLarge', { size: (size / 1_000_000).toFixed(1) }), 8);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle() !== '') node.setStyle('');
        }),
      ),
    [editor, message, t],
  );
  return null;
}
