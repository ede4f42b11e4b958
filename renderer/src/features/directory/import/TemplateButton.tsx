import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryImportKind } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useAction } from '../shared/useAction.ts';

/** "Tải tệp mẫu": an XLSX with the headers the import recognises and an example row. */
export function TemplateButton({ kind }: { kind: DirectoryImportKind }) {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const run = useAction();
  const [busy, setBusy] = useState(false);
  async function download(): Promise<void> {
    setBusy(true);
    await run(
      async () => {
        const exported = await bridge.invoke('directory.importTemplate', { kind });
        await bridge.saveFile({ kind: 'export', exportId: exported.exportId, fileName: exported.fileName });
        return exported;
      },
      (exported) => t('people.templateSaved', { fileName: exported.fileName }),
    );
    setBusy(false);
  }
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()}>
      {t('people.template')}
    </Button>
  );
}
