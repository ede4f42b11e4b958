import { ReloadOutlined } from '@ant-design/icons';
import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../bridge/BridgeError.ts';
import { currentLanguage } from '../i18n/i18n.ts';

export function CoreUnavailable({ error, onRetry }: { error: BridgeError; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <main className="ns-centered">
      <Result
        status="warning"
        title={<h1 className="ns-result-title">{t('core.unavailableTitle')}</h1>}
        subTitle={
          <>
            <Typography.Paragraph>{error.messageIn(currentLanguage())}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('core.unavailableHint')}</Typography.Paragraph>
          </>
        }
        extra={
          <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry}>
            {t('core.retry')}
          </Button>
        }
      />
    </main>
  );
}
