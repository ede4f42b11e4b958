import { UploadOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { FilePicker } from '../shared/FilePicker.tsx';

/** The button that picks the spreadsheet: primary while nothing is chosen, plain beside a preview ("choose another"). */
export function SpreadsheetPicker({
  inputLabel,
  accept,
  primary,
  onFile,
  children,
}: {
  inputLabel: string;
  accept: string;
  primary: boolean;
  onFile: (file: File) => void;
  children: ReactNode;
}) {
  return (
    <FilePicker inputLabel={inputLabel} accept={accept} onFile={onFile} buttonProps={{ icon: <UploadOutlined />, type: primary ? 'primary' : 'default' }}>
      {children}
    </FilePicker>
  );
}
