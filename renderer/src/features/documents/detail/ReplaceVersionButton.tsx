import { SwapOutlined } from '@ant-design/icons';
import { App as AntApp, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DocumentDetail } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { useFilePicker } from '../import/useFilePicker.tsx';
import { errorText } from '../../../common/errors.ts';

interface ReplaceVersionButtonProps {
  doc: DocumentDetail;
  attachmentId: string;
  meetingTitle: string;
}

/**
 * A department sends a corrected file: import it, then let it take this document's place in the
 * meeting. The old version stays in the library and in the version chain.
 */
export function ReplaceVersionButton({ doc, attachmentId, meetingTitle }: ReplaceVersionButtonProps) {
  const { t } = useTranslation('documents');
  const bridge = useBridge();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);

  async function replace(file: File): Promise<void> {
    setBusy(true);
    try {
      const uploaded = await bridge.upload(file);
      const { results } = await bridge.invoke('documents.import', {
        files: [{ uploadId: uploaded.uploadId, fileName: uploaded.fileName }],
      });
      const result = results[0];
      if (!result) return;
      if (!result.ok) {
        void message.error(t('uses.replaceFailed', { message: result.error.message[currentLanguage()] }));
        return;
      }
      if (result.document.id === doc.id) {
        void message.warning(t('uses.replaceSame'));
        return;
      }
      await bridge.invoke('documents.replaceVersion', { attachmentId, documentId: result.document.id });
      void message.success(t('uses.replaced', { meeting: meetingTitle }));
      void navigate(`/documents/${result.document.id}`);
    } catch (error) {
      void message.error(t('uses.replaceFailed', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  }

  const picker = useFilePicker((files) => void replace(files[0]!), {
    label: t('uses.replacePicker', { meeting: meetingTitle }),
    multiple: false,
  });

  return (
    <>
      {picker.input}
      <Button size="small" icon={<SwapOutlined />} onClick={picker.open} loading={busy}>
        {t('uses.replace')}
      </Button>
    </>
  );
}
