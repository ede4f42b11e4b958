import { $getDocument, type EditorConfig } from 'lexical';

/** The container a block decorator (agenda item, opinion, vote, conclusion) is drawn into. */
export function blockDom(config: EditorConfig, themeKey: string, id: string | null): HTMLElement {
  const dom = $getDocument().createElement('div');
  const className = (config.theme as Record<string, unknown>)[themeKey];
  if (typeof className === 'string') dom.className = className;
  if (id) dom.dataset['blockId'] = id;
  return dom;
}
