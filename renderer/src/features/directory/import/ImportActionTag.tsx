import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { DirectoryImportAction } from '../../../../../shared/contract/index.ts';

const actionColor: Record<DirectoryImportAction, string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  skip: 'red',
};

/** What the import will do with a previewed row, coloured so skipped rows stand out. */
export function ImportActionTag({ action, children }: { action: DirectoryImportAction; children: ReactNode }) {
  return <Tag color={actionColor[action]}>{children}</Tag>;
}
