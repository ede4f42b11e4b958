import { App as AntApp } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors.ts';

/**
 * Runs a change and tells the user how it went: the success text (when given), or the core's
 * reason in their language. Resolves to the result, or undefined when it failed.
 */
export function useRun(): <T>(work: () => Promise<T>, success?: string | ((result: T) => string)) => Promise<T | undefined> {
  const { message } = AntApp.useApp();
  const { t } = useTranslation('meetings');
  return useCallback(
    async <T,>(work: () => Promise<T>, success?: string | ((result: T) => string)) => {
      try {
        const result = await work();
        if (success) void message.success(typeof success === 'function' ? success(result) : success);
        return result;
      } catch (error) {
        void message.error(t('common.failed', { message: errorText(error) }), 8);
        return undefined;
      }
    },
    [message, t],
  );
}
