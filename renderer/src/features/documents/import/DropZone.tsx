import { InboxOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface DropZoneProps {
  /** Large when the library is empty: it is then the whole invitation to start. */
  size: 'large' | 'compact';
  onPick(): void;
  busy: boolean;
}

/** The marked place to drop files (the whole library accepts them), with a button for the picker. */
export function DropZone({ size, onPick, busy }: DropZoneProps) {
  const { t } = useTranslation('documents');
  return (
    <section className={`ns-drop-zone ns-drop-zone-${size}`} aria-label={t('drop.label')}>
      <InboxOutlined className="ns-drop-zone-icon" aria-hidden />
      <div className="ns-drop-zone-text">
        <Typography.Text strong>{size === 'large' ? t('library.empty') : t('drop.title')}</Typography.Text>
        <Typography.Text type="secondary">{t('drop.hint')}</Typography.Text>
      </div>
      <Button onClick={onPick} disabled={busy}>
        {t('drop.choose')}
      </Button>
    </section>
  );
}
