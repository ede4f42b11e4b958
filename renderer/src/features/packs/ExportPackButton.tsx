import { ExportOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, PackExportResult } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useSaveExport } from '../../common/useSaveExport.ts';
import { edition } from '../meetings/shared/edition.ts';

/** "Xuất gói tài liệu": the published meeting, its agenda, participants and documents in one signed file. */
export function ExportPackButton({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('packs');
  const bridge = useBridge();
  const saveExport = useSaveExport();
  const [busy, setBusy] = useState(false);

  async function exportPack(): Promise<void> {
    setBusy(true);
    let result: PackExportResult | undefined;
    await saveExport(
      async () => {
        result = await bridge.invoke('packs.export', { meetingId: meeting.id });
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
