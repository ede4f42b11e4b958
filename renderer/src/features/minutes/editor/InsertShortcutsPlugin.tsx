import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { insertBlock, type BlockKind } from './insertBlock.ts';

/** Alt+Shift+Y (ý kiến), Alt+Shift+B (biểu quyết), Alt+Shift+K (kết luận) while typing in the minutes. */
const KEYS: Record<string, BlockKind> = { KeyY: 'opinion', KeyB: 'vote', KeyK: 'conclusion' };

export function InsertShortcutsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          const kind = event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey ? KEYS[event.code] : undefined;
          if (!kind) return false;
          event.preventDefault();
          insertBlock(editor, kind);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  return null;
}
