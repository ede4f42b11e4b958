import { v5 as uuidv5 } from 'uuid';
import type { BlockNode, MinutesContent } from '../../shared/minutes/document.ts';

const NAMESPACE = '6f1d3a52-8c1e-4a57-9a3e-0b2f5d7c4e11';

/**
 * The content the minutes writer saves as version `version`: the prefilled draft, a few hundred
 * paragraphs of discussion (about 60 kB, so a save is more than one page of SQLite) and one
 * conclusion, all naming the version.
 */
export function minutesAt(base: MinutesContent, version: number): MinutesContent {
  const discussion: BlockNode[] = Array.from({ length: 300 }, (_, i) => ({
    type: 'paragraph',
    children: [{ type: 'text', text: `Lần lưu ${version}, đoạn ${i + 1}: ý kiến thảo luận về tiến độ giải phóng mặt bằng dự án đường sắt.`, format: 0, version: 1 }],
    version: 1,
  }));
  const conclusion: BlockNode = {
    type: 'ns-conclusion',
    id: uuidv5(`conclusion-${version % 3}`, NAMESPACE),
    text: `Kết luận của lần lưu ${version}.`,
    leadUnitId: null,
    coordinatingUnitIds: [],
    deadline: null,
    version: 1,
  };
  return { ...base, root: { ...base.root, children: [...base.root.children, ...discussion, conclusion] } };
}
