import { ExportOutlined } from '@ant-design/icons';
import { App as AntApp, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, PackExportResult } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useAskRelease, withRelease } from '../../common/classified-release/ReleaseAsk.tsx';
import { useSaveExport } from '../../common/useSaveExport.ts';
import { edition } from '../../../../shared/edition.ts';

/** "Xuất gói tài liệu": the published meeting, its agenda, participants and documents in one signed file. */
export function ExportPackButton({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('packs');
  const bridge = useBridge();
  const saveExport = useSaveExport();
  const ask = useAskRelease();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);

  async function exportPack(): Promise<void> {
    setBusy(true);
    let result: PackExportResult | undefined;
    await saveExport(
      async () => {
        // Mật documents go in a pack only with the reason the core asks for.
        const made = await withRelease(ask, 'pack', (releaseClassified) => bridge.invoke('packs.export', { meetingId: meeting.id, releaseClassified }));
        if (made.declined) return null;
        result = made.value;
        return result.file;
      },
      () => {
        const done = t('export.done', { revision: edition(result?.revision ?? 0), count: result?.documents ?? 0, fingerprint: result?.fingerprint ?? '' });
        const sealed = result?.sealed;
        if (!sealed) return done;
        return `${done} ${t('export.sealed', { count: sealed.documents, recipients: sealed.recipients.join(', ') })}`;
      },
    );
    // Who will not be able to read them stays on screen long enough to act on.
    if (result?.sealed && result.sealed.withoutKey.length > 0) void message.warning(t('export.withoutKey', { people: result.sealed.withoutKey.join(', ') }), 12);
    setBusy(false);
  }

  return (
    <Button icon={<ExportOutlined />} loading={busy} onClick={() => void exportPack()}>
      {t('export.button')}
    </Button>
  );
}
