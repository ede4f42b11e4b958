import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  CopyOutlined,
  LoadingOutlined,
  MinusCircleOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Button, Card, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { CardTitle } from '../shared/CardTitle.tsx';
import { documentLabel, formatBytes } from '../shared/format.ts';
import { isFinished, rowProgress, type ImportBatch, type ImportRow } from './importStore.ts';

interface ImportPanelProps {
  batch: ImportBatch;
  onCancel(): void;
  onDismiss(): void;
}

function counts(rows: readonly ImportRow[]) {
  const c = { imported: 0, duplicate: 0, failed: 0, cancelled: 0, finished: 0 };
  for (const row of rows) {
    const phase = row.state.phase;
    if (phase === 'imported' || phase === 'duplicate' || phase === 'failed' || phase === 'cancelled') c[phase]++;
    if (isFinished(row.state)) c.finished++;
  }
  return c;
}

function StateIcon({ row }: { row: ImportRow }) {
  switch (row.state.phase) {
    case 'imported':
      return <CheckCircleFilled className="ns-import-icon ns-import-ok" aria-hidden />;
    case 'duplicate':
      return <CopyOutlined className="ns-import-icon ns-import-dup" aria-hidden />;
    case 'failed':
      return <CloseCircleFilled className="ns-import-icon ns-import-failed" aria-hidden />;
    case 'cancelled':
      return <MinusCircleOutlined className="ns-import-icon" aria-hidden />;
    case 'queued':
    case 'waiting':
      return <ClockCircleOutlined className="ns-import-icon" aria-hidden />;
    default:
      return <LoadingOutlined className="ns-import-icon" aria-hidden />;
  }
}

function RowOutcome({ row }: { row: ImportRow }) {
  const { t } = useTranslation('documents');
  const state = row.state;
  switch (state.phase) {
    case 'queued':
      return <Typography.Text type="secondary">{t('import.queued')}</Typography.Text>;
    case 'uploading': {
      const percent = state.total > 0 ? Math.floor((100 * state.sent) / state.total) : 0;
      return (
        <Flex align="center" gap="small" className="ns-import-uploading">
          <Typography.Text type="secondary">{t('import.uploading', { percent })}</Typography.Text>
          <Progress percent={percent} size="small" showInfo={false} className="ns-import-bar" />
        </Flex>
      );
    }
    case 'waiting':
      return <Typography.Text type="secondary">{t('import.waiting')}</Typography.Text>;
    case 'reading':
      return <Typography.Text type="secondary">{t('import.reading')}</Typography.Text>;
    case 'imported':
    case 'duplicate':
      return (
        <Flex align="center" gap="small" wrap>
          <Tag color={state.phase === 'imported' ? 'success' : 'processing'}>
            {t(state.phase === 'imported' ? 'import.imported' : 'import.duplicate')}
          </Tag>
          <Link to={`/documents/${state.document.id}`} className="ns-import-link">
            {documentLabel(state.document)}
          </Link>
        </Flex>
      );
    case 'failed':
      return (
        <Flex align="baseline" gap="small">
          <Tag color="error">{t('import.failed')}</Tag>
          <Typography.Text type="danger">{state.error.message[currentLanguage()]}</Typography.Text>
        </Flex>
      );
    case 'cancelled':
      return <Tag>{t('import.cancelled')}</Tag>;
  }
}

/** Per-file progress of the running import, then each file's outcome until the user closes it. */
export function ImportPanel({ batch, onCancel, onDismiss }: ImportPanelProps) {
  const { t } = useTranslation('documents');
  const total = batch.rows.length;
  const c = counts(batch.rows);
  const done = batch.status === 'done';
  const percent = Math.floor((100 * batch.rows.reduce((sum, row) => sum + rowProgress(row.state), 0)) / Math.max(total, 1));
  const summary = [
    c.imported ? t('import.summaryImported', { count: c.imported }) : null,
    c.duplicate ? t('import.summaryDuplicate', { count: c.duplicate }) : null,
    c.failed ? t('import.summaryFailed', { count: c.failed }) : null,
    c.cancelled ? t('import.summaryCancelled', { count: c.cancelled }) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Card
      size="small"
      className="ns-import-panel"
      title={
        <CardTitle>{done ? t('import.doneTitle', { total }) : t('import.runningTitle', { done: c.finished, total })}</CardTitle>
      }
      extra={
        done ? (
          <Button size="small" onClick={onDismiss}>
            {t('import.close')}
          </Button>
        ) : (
          <Button size="small" icon={<StopOutlined />} onClick={onCancel} loading={batch.status === 'cancelling'}>
            {batch.status === 'cancelling' ? t('import.cancelling') : t('import.cancel')}
          </Button>
        )
      }
    >
      {done ? null : <Progress percent={percent} status="active" aria-label={t('import.progressLabel')} />}
      <Typography.Paragraph role="status" className="ns-import-summary">
        {done ? summary : null}
      </Typography.Paragraph>
      <ul className="ns-import-list" aria-label={t('import.listLabel')}>
        {batch.rows.map((row) => (
          <li key={row.key} className="ns-import-row" data-phase={row.state.phase}>
            <StateIcon row={row} />
            <span className="ns-import-file">
              <Typography.Text strong className="ns-import-name">
                {row.fileName}
              </Typography.Text>
              <Typography.Text type="secondary" className="ns-import-size">
                {formatBytes(row.size, currentLanguage())}
              </Typography.Text>
            </span>
            <span className="ns-import-outcome">
              <RowOutcome row={row} />
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
