import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getDocument,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type ParagraphNode,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
} from 'lexical';

export type SerializedPrefillNode = Spread<{ key: string; generated: string }, SerializedElementNode>;

/**
 * `ns-prefill`: a paragraph the app wrote from the meeting's facts (time, place, attendance, the
 * presenter of an item). The secretary edits it like any paragraph; `generated` keeps what the app
 * wrote so a refresh from the meeting can tell whether the text was changed by hand.
 */
export class PrefillNode extends ElementNode {
  /** The fact it states (`time`, `item:<id>:presenter`…). Not `__key`: Lexical owns that name. */
  __fact = '';
  __generated = '';

  override $config() {
    return this.config('ns-prefill', { extends: ElementNode });
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__fact = prev.__fact;
    this.__generated = prev.__generated;
  }

  getFact(): string {
    return this.getLatest().__fact;
  }

  getGenerated(): string {
    return this.getLatest().__generated;
  }

  setFact(fact: string): this {
    const self = this.getWritable();
    self.__fact = fact;
    return self;
  }

  setGenerated(generated: string): this {
    const self = this.getWritable();
    self.__generated = generated;
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('p');
    const className = (config.theme as { nsPrefill?: string }).nsPrefill;
    if (className) dom.className = className;
    dom.dataset['fact'] = this.__fact;
    return dom;
  }

  override updateDOM(prev: this, dom: HTMLElement): boolean {
    if (prev.__fact !== this.__fact) dom.dataset['fact'] = this.__fact;
    return false;
  }

  override exportJSON(): SerializedPrefillNode {
    return { ...super.exportJSON(), type: 'ns-prefill', key: this.getFact(), generated: this.getGenerated() };
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedPrefillNode>): this {
    return super.updateFromJSON(json).setFact(json.key).setGenerated(json.generated);
  }

  /** Enter at the end starts an ordinary paragraph: the new line is the secretary's, not a fact. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const paragraph = $createParagraphNode();
    paragraph.setDirection(this.getDirection());
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  override canBeEmpty(): boolean {
    return true;
  }
}

export function $createPrefillNode(fact: string, generated: string): PrefillNode {
  return $applyNodeReplacement(new PrefillNode()).setFact(fact).setGenerated(generated);
}

export function $isPrefillNode(node: LexicalNode | null | undefined): node is PrefillNode {
  return node instanceof PrefillNode;
}
