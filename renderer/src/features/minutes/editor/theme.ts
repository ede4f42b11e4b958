import type { EditorThemeClasses } from 'lexical';

/** Class names of the minutes editor's nodes (styled in minutes.css). */
export const minutesTheme: EditorThemeClasses & Record<string, unknown> = {
  paragraph: 'ns-mx-paragraph',
  heading: { h1: 'ns-mx-h1', h2: 'ns-mx-h2', h3: 'ns-mx-h3', h4: 'ns-mx-h4' },
  quote: 'ns-mx-quote',
  list: { ul: 'ns-mx-ul', ol: 'ns-mx-ol', listitem: 'ns-mx-li', nested: { listitem: 'ns-mx-li-nested' } },
  table: 'ns-mx-table',
  tableCell: 'ns-mx-td',
  tableCellHeader: 'ns-mx-th',
  tableSelection: 'ns-mx-table-selection',
  text: { bold: 'ns-mx-bold', italic: 'ns-mx-italic', underline: 'ns-mx-underline', strikethrough: 'ns-mx-strike' },
  nsPrefill: 'ns-mx-paragraph ns-mx-prefill',
  nsItem: 'ns-mx-block ns-mx-item',
  nsOpinion: 'ns-mx-block ns-mx-opinion',
  nsVote: 'ns-mx-block ns-mx-vote',
  nsConclusion: 'ns-mx-block ns-mx-conclusion',
};
