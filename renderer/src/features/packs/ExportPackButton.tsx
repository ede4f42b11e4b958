import { ExportOutlined } from '@ant-design/icons';
import { Button } from 'antd';
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
      () => t('export.done', { revision: edition(result?.revision ?? 0), count: result?.documents ?? 0, fingerprint: result?.fingerprint ?? '' }),
    );
    setBusy(false);
  }

  return (
    <Button icon={<ExportOutlined />} loading={busy} onClick={() => void exportPack()}>
      {t('export.button')}
    </Button>
  );
}
