import { Progress, Typography } from 'antd';
import type { SpreadsheetImportStep } from '../../../common/useSpreadsheetImport.ts';

/** How far the chosen file has got: its upload, then the core reading it; nothing on the other steps. */
export function ImportProgress({
  state,
  uploadingText,
  readingText,
}: {
  state: SpreadsheetImportStep<unknown>;
  uploadingText: (percent: number) => string;
  readingText: string;
}) {
  if (state.step === 'uploading') {
    return (
      <div role="status">
        <Typography.Text>{uploadingText(state.percent)}</Typography.Text>
        <Progress percent={state.percent} showInfo={false} />
      </div>
    );
  }
  if (state.step === 'reading') {
    return (
      <div role="status">
        <Typography.Text>{readingText}</Typography.Text>
        <Progress percent={100} status="active" showInfo={false} />
      </div>
    );
  }
  return null;
}
