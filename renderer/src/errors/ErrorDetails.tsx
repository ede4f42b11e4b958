import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BridgeError } from '../bridge/BridgeError.ts';
import { currentLanguage } from '../i18n/i18n.ts';

export function describeError(error: unknown): string {
  if (error instanceof BridgeError) return `${error.code}: ${error.messageIn(currentLanguage())}`;
  // V8 stacks already start with "Name: message".
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** The fallback for anything that crashed while rendering: say what happened, offer the way out. */
export function UnexpectedError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={<h1 className="ns-result-title">{t('errors.unexpectedTitle')}</h1>}
      subTitle={t('errors.unexpectedBody')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      }
    >
      <details>
        <summary>{t('errors.details')}</summary>
        <Typography.Paragraph>
          <pre className="ns-error-details">{describeError(error)}</pre>
        </Typography.Paragraph>
      </details>
    </Result>
  );
}
