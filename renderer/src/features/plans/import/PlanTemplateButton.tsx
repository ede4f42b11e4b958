import { DownloadOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useRun } from '../../../common/useRun.ts';

/** "Tải tệp mẫu": an XLSX laid out the way the plan import reads it, with an example plan. */
export function PlanTemplateButton({ type = 'default' }: { type?: ButtonProps['type'] }) {
  const { t } = useTranslation('plans');
  const bridge = useBridge();
  const run = useRun();
  const [busy, setBusy] = useState(false);
  async function download(): Promise<void> {
    setBusy(true);
    await run(
      async () => {
        const exported = await bridge.invoke('plans.importTemplate', {});
        await bridge.saveFile({ kind: 'export', exportId: exported.exportId, fileName: exported.fileName });
        return exported;
      },
      (exported) => t('list.templateSaved', { fileName: exported.fileName }),
    );
    setBusy(false);
  }
  return (
    <Button type={type} icon={<DownloadOutlined />} loading={busy} onClick={() => void download()}>
      {t('list.template')}
    </Button>
  );
}
