import { $applyNodeReplacement, DecoratorNode, type EditorConfig, type LexicalNode, type LexicalUpdateJSON, type SerializedLexicalNode, type Spread } from 'lexical';
import type { JSX } from 'react';
import { OpinionBlock } from '../blocks/OpinionBlock.tsx';
import { blockDom } from './blockDom.ts';

export interface OpinionFields {
  id: string;
  personId: string | null;
  speaker: string;
  text: string;
}

export type SerializedOpinionNode = Spread<OpinionFields, SerializedLexicalNode>;

/** `ns-opinion`: one speaker's opinion (ý kiến phát biểu), a participant picked or a name typed. */
export class OpinionNode extends DecoratorNode<JSX.Element> {
  __fields: OpinionFields = { id: '', personId: null, speaker: '', text: '' };

  override $config() {
    return this.config('ns-opinion', { extends: DecoratorNode });
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__fields = prev.__fields;
  }

  getFields(): OpinionFields {
    return this.getLatest().__fields;
  }

  setFields(patch: Partial<OpinionFields>): this {
    const self = this.getWritable();
    self.__fields = { ...self.__fields, ...patch };
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    return blockDom(config, 'nsOpinion', this.__fields.id);
  }

  override updateDOM(): false {
    return false;
  }

  override getTextContent(): string {
    const f = this.getFields();
    return `${f.speaker}: ${f.text}\n`;
  }

  override isInline(): false {
    return false;
  }

  override exportJSON(): SerializedOpinionNode {
    const f = this.getFields();
    return { ...super.exportJSON(), type: 'ns-opinion', id: f.id, personId: f.personId, speaker: f.speaker, text: f.text };
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedOpinionNode>): this {
    return super.updateFromJSON(json).setFields({ id: json.id, personId: json.personId, speaker: json.speaker, text: json.text });
  }

  override decorate(): JSX.Element {
    return <OpinionBlock nodeKey={this.getKey()} fields={this.__fields} />;
  }
}

export function $createOpinionNode(fields: OpinionFields): OpinionNode {
  return $applyNodeReplacement(new OpinionNode()).setFields(fields);
}

export function $isOpinionNode(node: LexicalNode | null | undefined): node is OpinionNode {
  return node instanceof OpinionNode;
}
