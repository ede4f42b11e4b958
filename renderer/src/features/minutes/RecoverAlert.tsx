import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { clockTime } from './minutesFormat.ts';
import type { UnsavedDraft } from './unsavedDraft.ts';

/** Offers back what was typed but never reached the core (the window closed, the app stopped). */
export function RecoverAlert({ draft, onRestore, onDiscard }: { draft: UnsavedDraft; onRestore: () => void; onDiscard: () => void }) {
  const { t } = useTranslation('minutes');
  const at = new Date(draft.at);
  return (
    <Alert
      type="warning"
      showIcon
      className="ns-block"
      title={t('recover.title', { time: `${clockTime(draft.at)} ${at.toLocaleDateString('vi-VN')}` })}
      description={t('recover.body')}
      action={
        <Flex vertical gap="small">
          <Button size="small" type="primary" onClick={onRestore}>
            {t('recover.restore')}
          </Button>
          <Button size="small" onClick={onDiscard}>
            {t('recover.discard')}
          </Button>
        </Flex>
      }
    />
  );
}
