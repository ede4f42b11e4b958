import { LockOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { classificationLabels, type Classification, type ReleaseClassified } from '../../../../shared/contract/index.ts';

const MAX_REASON = 500;

/** What the classified content is about to do: leave as an exported file, a saved copy, a copy another program opens, or in a meeting pack. */
export type ReleasePurpose = 'export' | 'open' | 'save' | 'pack';

/**
 * The explicit decision the core requires before a classified document's content leaves the app's
 * protection: the user confirms and says why; the core records it in the audit log.
 */
export function ReleaseClassifiedDialog({
  classification,
  purpose,
  audience,
  onCancel,
  onConfirm,
}: {
  classification: Classification;
  purpose: ReleasePurpose;
  /** For a pack: who will and who will not be able to open the documents. */
  audience?: { recipients: string[]; withoutKey: string[] } | undefined;
  onCancel: () => void;
  onConfirm: (release: ReleaseClassified) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const level = classificationLabels[classification][i18n.language === 'en' ? 'en' : 'vi'];
  return (
    <Modal
      open
      title={
        <span>
          <LockOutlined /> {t(`release.title.${purpose}`, { level })}
        </span>
      }
      okText={t(`release.confirm.${purpose}`)}
      cancelText={t('release.cancel')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t(`release.explain.${purpose}`, { level })} />
      {audience ? (
        <div className="ns-release-audience">
          <Typography.Paragraph className="ns-tight">
            <Typography.Text strong>{t('release.sealedTo')}</Typography.Text> {audience.recipients.join(', ')}
          </Typography.Paragraph>
          {audience.withoutKey.length > 0 ? (
            <Typography.Paragraph type="warning" className="ns-tight">
              <Typography.Text strong type="warning">
                {t('release.withoutKey')}
              </Typography.Text>{' '}
              {audience.withoutKey.join(', ')}
            </Typography.Paragraph>
          ) : null}
        </div>
      ) : null}
      <Typography.Paragraph type="secondary" className="ns-release-audited">
        {t('release.audited')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => onConfirm({ reason: v.reason.trim() })}>
        <Form.Item
          name="reason"
          label={t(`release.reason.${purpose}`)}
          rules={[
            { required: true, whitespace: true, message: t(`release.reasonRequired.${purpose}`) },
            { max: MAX_REASON, message: t('release.tooLong', { max: MAX_REASON }) },
          ]}
        >
          <Input.TextArea autoFocus rows={3} placeholder={t('release.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
