import { App as AntApp } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileTarget } from '../../../shared/contract/index.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useBridge } from './BridgeContext.tsx';

/**
 * "Open with the system's program" for every screen: a file the host says is not a plain document
 * (macros, an archive, an unknown format) is opened only after the user agrees in a confirmation that
 * names what it is. Programs and scripts are refused by the host and reject like any other error.
 */
export function useOpenFile(): (target: FileTarget) => Promise<void> {
  const bridge = useBridge();
  const { modal } = AntApp.useApp();
  const { t } = useTranslation();
  return useCallback(
    async (target: FileTarget) => {
      const answer = await bridge.openFile(target);
      if (answer.status === 'opened') return;
      const agreed = await modal.confirm({
        title: t('openFile.confirmTitle'),
        content: t('openFile.confirmBody', { fileName: answer.fileName, what: answer.what[currentLanguage()] }),
        okText: t('openFile.confirmOk'),
        cancelText: t('openFile.confirmCancel'),
        okButtonProps: { danger: true },
        autoFocusButton: 'cancel',
      });
      if (agreed) await bridge.openFile(target, { confirmed: true });
    },
    [bridge, modal, t],
  );
}
