import { $applyNodeReplacement, DecoratorNode, type EditorConfig, type LexicalNode, type LexicalUpdateJSON, type SerializedLexicalNode, type Spread } from 'lexical';
import type { JSX } from 'react';
import type { VoteRecord } from '../../../../../shared/minutes/vote-result.ts';
import { VoteBlock } from '../blocks/VoteBlock.tsx';
import { blockDom } from './blockDom.ts';

/** The counts and, when recorded, the result's rule and basis (see VoteRecord). */
export interface VoteFields extends VoteRecord {
  id: string;
  question: string;
}

/** The result fields as stored: only those set, so a vote without a result keeps its old shape. */
function resultFields(f: Pick<VoteFields, 'rule' | 'members' | 'present' | 'chairChoice'>): Partial<VoteFields> {
  if (!f.rule) return {};
  return { rule: f.rule, members: f.members ?? null, present: f.present ?? null, ...(f.chairChoice ? { chairChoice: f.chairChoice } : {}) };
}

export type SerializedVoteNode = Spread<VoteFields, SerializedLexicalNode>;

/** `ns-vote`: a vote's tally (biểu quyết): the question and the agree / disagree / other counts. */
export class VoteNode extends DecoratorNode<JSX.Element> {
  __fields: VoteFields = { id: '', question: '', agree: 0, disagree: 0, other: 0 };

  override $config() {
    return this.config('ns-vote', { extends: DecoratorNode });
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__fields = prev.__fields;
  }

  getFields(): VoteFields {
    return this.getLatest().__fields;
  }

  setFields(patch: Partial<VoteFields>): this {
    const self = this.getWritable();
    self.__fields = { ...self.__fields, ...patch };
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    return blockDom(config, 'nsVote', this.__fields.id);
  }

  override updateDOM(): false {
    return false;
  }

  override getTextContent(): string {
    const f = this.getFields();
    return `${f.question} (${f.agree}/${f.disagree}/${f.other})\n`;
  }

  override isInline(): false {
    return false;
  }

  override exportJSON(): SerializedVoteNode {
    const f = this.getFields();
    return { ...super.exportJSON(), type: 'ns-vote', id: f.id, question: f.question, agree: f.agree, disagree: f.disagree, other: f.other, ...resultFields(f) };
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedVoteNode>): this {
    return super
      .updateFromJSON(json)
      .setFields({ id: json.id, question: json.question, agree: json.agree, disagree: json.disagree, other: json.other, ...resultFields(json) });
  }

  override decorate(): JSX.Element {
    return <VoteBlock nodeKey={this.getKey()} fields={this.__fields} />;
  }
}

export function $createVoteNode(fields: VoteFields): VoteNode {
  return $applyNodeReplacement(new VoteNode()).setFields(fields);
}

export function $isVoteNode(node: LexicalNode | null | undefined): node is VoteNode {
  return node instanceof VoteNode;
}
