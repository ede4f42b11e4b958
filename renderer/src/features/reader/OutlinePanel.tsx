import { Empty, Spin, Tree, type TreeDataNode } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type OutlineNode = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];

interface OutlinePanelProps {
  pdf: PDFDocumentProxy;
  /** Go to an outline entry's destination (a named or explicit destination of the PDF). */
  onNavigate(dest: string | unknown[]): void;
}

function toTree(nodes: readonly OutlineNode[], prefix: string, targets: Map<string, string | unknown[]>): TreeDataNode[] {
  return nodes.map((node, i) => {
    const key = `${prefix}${i}`;
    if (node.dest) targets.set(key, node.dest as string | unknown[]);
    return {
      key,
      title: <span style={{ fontWeight: node.bold ? 600 : undefined, fontStyle: node.italic ? 'italic' : undefined }}>{node.title || '—'}</span>,
      children: node.items.length ? toTree(node.items, `${key}.`, targets) : undefined,
      isLeaf: node.items.length === 0,
    };
  });
}

/** The PDF's own table of contents (its outline), when it has one. */
export function OutlinePanel({ pdf, onNavigate }: OutlinePanelProps) {
  const { t } = useTranslation('reader');
  const [outline, setOutline] = useState<{ tree: TreeDataNode[]; targets: Map<string, string | unknown[]> } | null>(null);

  useEffect(() => {
    let live = true;
    pdf
      .getOutline()
      .catch(() => null)
      .then((nodes) => {
        if (!live) return;
        const targets = new Map<string, string | unknown[]>();
        setOutline({ tree: toTree(nodes ?? [], '', targets), targets });
      });
    return () => {
      live = false;
    };
  }, [pdf]);

  if (!outline) return <Spin size="small" className="ns-reader-side-spin" description={t('sidebar.outlineLoading')} />;
  if (outline.tree.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sidebar.outlineEmpty')} />;
  return (
    <div className="ns-reader-side-scroll">
    <Tree
      className="ns-outline"
      treeData={outline.tree}
      defaultExpandAll={outline.targets.size < 60}
      blockNode
      selectable
      onSelect={(_, info) => {
        const dest = outline.targets.get(String(info.node.key));
        if (dest) onNavigate(dest);
      }}
    />
    </div>
  );
}
