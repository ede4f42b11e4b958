import { App as AntApp } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileTarget } from '../../../shared/contract/index.ts';
import { handOverReleased, useAskRelease } from '../common/classified-release/ReleaseAsk.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { useBridge } from './BridgeContext.tsx';

/**
 * "Open with the system's program" for every screen: a file the host says is not a plain document
 * (macros, an archive, an unknown format) is opened only after the user agrees in a confirmation that
 * names what it is; a classified document only after the user gives the reason the audit log keeps.
 * Programs and scripts are refused by the host and reject like any other error.
 */
export function useOpenFile(): (target: FileTarget) => Promise<void> {
  const bridge = useBridge();
  const { modal } = AntApp.useApp();
  const { t } = useTranslation();
  const ask = useAskRelease();
  return useCallback(
    async (target: FileTarget) => {
      const first = await handOverReleased(ask, 'open', target, (t) => bridge.openFile(t));
      if (first.declined || first.value.status === 'opened') return;
      const answer = first.value;
      const agreed = await modal.confirm({
        title: t('openFile.confirmTitle'),
        content: t('openFile.confirmBody', { fileName: answer.fileName, what: answer.what[currentLanguage()] }),
        okText: t('openFile.confirmOk'),
        cancelText: t('openFile.confirmCancel'),
        okButtonProps: { danger: true },
        autoFocusButton: 'cancel',
      });
      if (agreed) await bridge.openFile(first.target, { confirmed: true });
    },
    [ask, bridge, modal, t],
  );
}

/** "Save a copy" of a stored file where the user chooses; a classified document asks for the reason first. */
export function useSaveFile(): (target: FileTarget) => Promise<void> {
  const bridge = useBridge();
  const ask = useAskRelease();
  return useCallback(
    async (target: FileTarget) => {
      await handOverReleased(ask, 'save', target, (t) => bridge.saveFile(t));
    },
    [ask, bridge],
  );
}
