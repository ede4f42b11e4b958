import { App as AntApp } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../common/errors.ts';

export type RunAction = <T>(work: () => Promise<T>, success: string | ((result: T) => string)) => Promise<boolean>;

/**
 * Runs a change and tells the user how it went: the success text, or the core's reason in their
 * language (e.g. "Không xóa được … vì còn 3 cán bộ"). Resolves true on success.
 */
export function useAction(): RunAction {
  const { message } = AntApp.useApp();
  const { t } = useTranslation('directory');
  return useCallback(
    async <T>(work: () => Promise<T>, success: string | ((result: T) => string)) => {
      try {
        const result = await work();
        void message.success(typeof success === 'string' ? success : success(result));
        return true;
      } catch (error) {
        void message.error(t('common.failed', { message: errorText(error) }), 8);
        return false;
      }
    },
    [message, t],
  ) as RunAction;
}
