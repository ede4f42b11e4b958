import { $applyNodeReplacement, DecoratorNode, type EditorConfig, type LexicalNode, type LexicalUpdateJSON, type SerializedLexicalNode, type Spread } from 'lexical';
import type { JSX } from 'react';
import { ItemHeading } from '../blocks/ItemHeading.tsx';
import { blockDom } from './blockDom.ts';

export type SerializedItemNode = Spread<{ agendaItemId: string; number: string; title: string }, SerializedLexicalNode>;

/**
 * `ns-item`: the start of one agenda item's section. Its text comes from the agenda (a refresh
 * updates it), so it is shown, not typed: "2. Tiến độ các công trình".
 */
export class ItemNode extends DecoratorNode<JSX.Element> {
  __agendaItemId = '';
  __number = '';
  __title = '';

  override $config() {
    return this.config('ns-item', { extends: DecoratorNode });
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__agendaItemId = prev.__agendaItemId;
    this.__number = prev.__number;
    this.__title = prev.__title;
  }

  getAgendaItemId(): string {
    return this.getLatest().__agendaItemId;
  }

  getLabel(): string {
    const self = this.getLatest();
    return `${self.__number}. ${self.__title}`;
  }

  setItem(agendaItemId: string, number: string, title: string): this {
    const self = this.getWritable();
    self.__agendaItemId = agendaItemId;
    self.__number = number;
    self.__title = title;
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    return blockDom(config, 'nsItem', this.__agendaItemId);
  }

  override updateDOM(): false {
    return false;
  }

  override getTextContent(): string {
    return `${this.getLabel()}\n`;
  }

  override isInline(): false {
    return false;
  }

  override exportJSON(): SerializedItemNode {
    const self = this.getLatest();
    return { ...super.exportJSON(), type: 'ns-item', agendaItemId: self.__agendaItemId, number: self.__number, title: self.__title };
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedItemNode>): this {
    return super.updateFromJSON(json).setItem(json.agendaItemId, json.number, json.title);
  }

  override decorate(): JSX.Element {
    return <ItemHeading number={this.__number} title={this.__title} />;
  }
}

export function $createItemNode(agendaItemId: string, number: string, title: string): ItemNode {
  return $applyNodeReplacement(new ItemNode()).setItem(agendaItemId, number, title);
}

export function $isItemNode(node: LexicalNode | null | undefined): node is ItemNode {
  return node instanceof ItemNode;
}
