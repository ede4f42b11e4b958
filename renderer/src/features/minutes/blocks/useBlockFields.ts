import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { $getNodeByKey } from 'lexical';
import { useCallback, useState } from 'react';

interface FieldsNode<F> {
  setFields(patch: Partial<F>): unknown;
}

/**
 * The fields of one block decorator: a copy kept here, so typing in a field never waits for the
 * editor's update (which would move the caret), written to the node on every change. When the node
 * changes from elsewhere (undo, a restore) the copy follows.
 */
export function useBlockFields<F extends object>(nodeKey: string, fields: F): { value: F; change: (patch: Partial<F>) => void; editable: boolean } {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const [source, setSource] = useState(fields);
  const [value, setValue] = useState(fields);
  if (source !== fields) {
    setSource(fields);
    setValue(fields);
  }
  const change = useCallback(
    (patch: Partial<F>) => {
      setValue((v) => ({ ...v, ...patch }));
      editor.update(() => {
        const node = $getNodeByKey(nodeKey) as unknown as FieldsNode<F> | null;
        node?.setFields(patch);
      });
    },
    [editor, nodeKey],
  );
  return { value, change, editable };
}
