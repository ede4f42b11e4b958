import { BellOutlined, ExportOutlined, FileWordOutlined, InboxOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Flex, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionRequestDetail } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useRun } from '../../common/useRun.ts';
import { useSaveExport } from '../../common/useSaveExport.ts';
import { PublishOpinionsButton } from '../sync/publications/PublishOpinionsButton.tsx';
import { OpinionImportDialog } from './OpinionImportDialog.tsx';
import { useImportedMessage } from './useImportedMessage.ts';

/**
 * What the secretariat does with a request, in the order it happens: send the signed request (a
 * file, or through the hub), take in the members' answers (files; those sent online arrive with sync), remind who is late, issue the summary.
 */
export function SecretariatActions({ request }: { request: OpinionRequestDetail }) {
  const { t } = useTranslation('opinions');
  const bridge = useBridge();
  const run = useRun();
  const save = useSaveExport();
  const { message } = AntApp.useApp();
  const importedText = useImportedMessage();
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState<'request' | 'summary' | 'remind' | null>(null);
  const requestId = request.id;
  const waiting = request.recipientList.filter((r) => r.answeredAt === null).length;

  async function exportRequest(): Promise<void> {
    setBusy('request');
    let fingerprint = '';
    await save(
      async () => {
        const result = await bridge.invoke('opinions.export', { requestId });
        fingerprint = result.fingerprint;
        return result.file;
      },
      (file) => t('secretariat.exported', { fileName: file.fileName, fingerprint }),
    );
    setBusy(null);
  }

  async function exportSummary(): Promise<void> {
    setBusy('summary');
    await save(() => bridge.invoke('opinions.exportSummary', { requestId }), (file) => t('secretariat.summaryExported', { fileName: file.fileName }));
    setBusy(null);
  }

  async function remind(): Promise<void> {
    setBusy('remind');
    await run(
      () => bridge.invoke('opinions.remind', { requestId }),
      (r) => (r.people.length ? t('secretariat.reminded', { names: r.people.map((p) => p.name).join(', ') }) : t('secretariat.remindedNone')),
    );
    setBusy(null);
  }

  return (
    <Flex className="ns-block" gap="small" wrap>
      <Button type="primary" icon={<ExportOutlined />} loading={busy === 'request'} onClick={() => void exportRequest()}>
        {t('secretariat.exportRequest')}
      </Button>
      <PublishOpinionsButton what="request" requestId={requestId} />
      <Button icon={<InboxOutlined />} onClick={() => setImporting(true)}>
        {t('secretariat.importAnswers')}
      </Button>
      <Popconfirm
        title={t('secretariat.remindConfirm', { count: waiting })}
        okText={t('secretariat.remindOk')}
        cancelText={t('common.cancel')}
        onConfirm={() => void remind()}
        disabled={waiting === 0}
      >
        <Button icon={<BellOutlined />} loading={busy === 'remind'} disabled={waiting === 0}>
          {t('secretariat.remind')}
        </Button>
      </Popconfirm>
      <Button icon={<FileWordOutlined />} loading={busy === 'summary'} onClick={() => void exportSummary()}>
        {t('secretariat.exportSummary')}
      </Button>
      <OpinionImportDialog
        open={importing}
        expect="answers"
        recipients={request.recipientList}
        onClose={() => setImporting(false)}
        onImported={(result) => {
          setImporting(false);
          void message.success(importedText(result), 6);
        }}
      />
    </Flex>
  );
}
