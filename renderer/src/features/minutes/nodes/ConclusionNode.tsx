import { $applyNodeReplacement, DecoratorNode, type EditorConfig, type LexicalNode, type LexicalUpdateJSON, type SerializedLexicalNode, type Spread } from 'lexical';
import type { JSX } from 'react';
import { ConclusionBlock } from '../blocks/ConclusionBlock.tsx';
import { blockDom } from './blockDom.ts';

export interface ConclusionFields {
  /** Stays the same across edits and revisions: a task will point at it. */
  id: string;
  text: string;
  leadUnitId: string | null;
  coordinatingUnitIds: string[];
  /** YYYY-MM-DD. */
  deadline: string | null;
}

export type SerializedConclusionNode = Spread<ConclusionFields, SerializedLexicalNode>;

/** `ns-conclusion`: a conclusion (kết luận) with its lead unit, coordinating units and deadline. */
export class ConclusionNode extends DecoratorNode<JSX.Element> {
  __fields: ConclusionFields = { id: '', text: '', leadUnitId: null, coordinatingUnitIds: [], deadline: null };

  override $config() {
    return this.config('ns-conclusion', { extends: DecoratorNode });
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__fields = prev.__fields;
  }

  getFields(): ConclusionFields {
    return this.getLatest().__fields;
  }

  setFields(patch: Partial<ConclusionFields>): this {
    const self = this.getWritable();
    self.__fields = { ...self.__fields, ...patch };
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    return blockDom(config, 'nsConclusion', this.__fields.id);
  }

  override updateDOM(): false {
    return false;
  }

  override getTextContent(): string {
    return `${this.getFields().text}\n`;
  }

  override isInline(): false {
    return false;
  }

  override exportJSON(): SerializedConclusionNode {
    const f = this.getFields();
    return {
      ...super.exportJSON(),
      type: 'ns-conclusion',
      id: f.id,
      text: f.text,
      leadUnitId: f.leadUnitId,
      coordinatingUnitIds: [...f.coordinatingUnitIds],
      deadline: f.deadline,
    };
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedConclusionNode>): this {
    return super.updateFromJSON(json).setFields({
      id: json.id,
      text: json.text,
      leadUnitId: json.leadUnitId,
      coordinatingUnitIds: [...json.coordinatingUnitIds],
      deadline: json.deadline,
    });
  }

  override decorate(): JSX.Element {
    return <ConclusionBlock nodeKey={this.getKey()} fields={this.__fields} />;
  }
}

export function $createConclusionNode(fields: ConclusionFields): ConclusionNode {
  return $applyNodeReplacement(new ConclusionNode()).setFields(fields);
}

export function $isConclusionNode(node: LexicalNode | null | undefined): node is ConclusionNode {
  return node instanceof ConclusionNode;
}
