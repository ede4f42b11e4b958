import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors.ts';

/** The feature namespaces whose `common` has `loadFailed` and `retry`; each keeps its own wording. */
export type LoadFailedNamespace = 'directory' | 'meetings' | 'opinions' | 'plans' | 'tasks';

interface Props {
  /** Whose texts to use: the namespace of the page showing the alert. */
  ns: LoadFailedNamespace;
  error: unknown;
  onRetry: () => void;
  /** The line to show with the error's text, when the page says more than `common.loadFailed`. */
  title?: (message: string) => string;
  className?: string;
}

/** Data that could not be read, above whatever of it is still on screen: why, and "Thử lại". */
export function LoadFailedAlert({ ns, error, onRetry, title, className }: Props) {
  const { t } = useTranslation(ns);
  const message = errorText(error);
  return (
    <Alert
      type="error"
      showIcon
      className={className}
      title={title ? title(message) : t('common.loadFailed', { message })}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
