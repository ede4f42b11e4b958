import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskExtension } from '../../../../../shared/contract/index.ts';
import { formatDateTime } from '../../../../../shared/vn-time.ts';
import { useLang } from '../../../common/useLang.ts';
import { dmy } from '../shared/taskLabels.ts';

const statusColor: Record<TaskExtension['status'], string> = { pending: 'purple', approved: 'green', refused: 'red' };

interface Props {
  extensions: readonly TaskExtension[];
  /** Whether a decision can be taken now (not on a closed task). */
  canDecide: boolean;
  onDecide: (extension: TaskExtension, approve: boolean) => void;
}

/** Đề nghị gia hạn: each request with its dates, reason and the decision, the pending one with Duyệt / Từ chối. */
export function ExtensionsList({ extensions, canDecide, onDecide }: Props) {
  const { t } = useTranslation('tasks');
  const lang = useLang();
  if (extensions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('extensions.empty')} />;
  return (
    <List
      size="small"
      className="ns-task-extensions"
      dataSource={[...extensions].reverse()}
      renderItem={(x) => (
        <List.Item>
          <div className="ns-task-extension">
            <Flex gap="small" align="center" wrap>
              <strong>{t('extensions.dates', { from: dmy(x.fromDate), to: dmy(x.toDate) })}</strong>
              <Tag color={statusColor[x.status]} className="ns-task-tag">
                {t(`extensions.status.${x.status}`)}
              </Tag>
            </Flex>
            <Typography.Text type="secondary" className="ns-small">
              {t('extensions.requestedAt', { when: formatDateTime(x.requestedAt, lang) })}
            </Typography.Text>
            <Typography.Paragraph className="ns-prewrap ns-task-extension-reason">{x.reason}</Typography.Paragraph>
            {!x.inTime ? (
              <Typography.Text type="warning" className="ns-small ns-block-label">
                {t('extensions.lateRequest')}
              </Typography.Text>
            ) : null}
            {x.status !== 'pending' && x.decidedAt ? (
              <Typography.Text type="secondary" className="ns-small ns-block-label">
                {t('extensions.decided', { when: formatDateTime(x.decidedAt, lang), who: x.decidedBy ?? '—' })}
                {x.note ? ` — ${x.note}` : ''}
              </Typography.Text>
            ) : null}
            {x.status === 'pending' && canDecide ? (
              <Flex gap="small" className="ns-task-extension-actions">
                <Button type="primary" size="small" icon={<CheckOutlined />} onClick={() => onDecide(x, true)}>
                  {t('extensions.approve')}
                </Button>
                <Button size="small" danger icon={<CloseOutlined />} onClick={() => onDecide(x, false)}>
                  {t('extensions.refuse')}
                </Button>
              </Flex>
            ) : null}
          </div>
        </List.Item>
      )}
    />
  );
}
