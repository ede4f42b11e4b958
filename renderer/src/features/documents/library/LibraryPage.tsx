import { ReloadOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Empty, Flex } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { Page } from '../../../shell/Page.tsx';
import { DropZone } from '../import/DropZone.tsx';
import { FileDropArea } from '../import/FileDropArea.tsx';
import { ImportPanel } from '../import/ImportPanel.tsx';
import { useFilePicker } from '../import/useFilePicker.tsx';
import { useImportBatch } from '../import/useImportBatch.ts';
import { errorText } from '../../../common/errors.ts';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { DocumentTable } from './DocumentTable.tsx';
import { LibraryFilters } from './LibraryFilters.tsx';
import { hasFilters, listInput, readLibraryQuery, writeLibraryQuery, type LibraryQuery } from './libraryQuery.ts';
import '../documents.css';

/** The lists here change when documents do. */
const DOCUMENTS = ['documents'] as const;

export function LibraryPage() {
  const { t } = useTranslation('documents');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readLibraryQuery(params), [params]);
  const inputKey = JSON.stringify(listInput(query));
  const load = useCallback(() => bridge.invoke('documents.list', JSON.parse(inputKey)), [bridge, inputKey]);
  const { state, reload } = useCoreData(load, DOCUMENTS);
  const importing = useImportBatch();
  const busy = importing.batch !== null && importing.batch.status !== 'done';

  const importFiles = useCallback(
    (files: File[]) => {
      void importing.start(files).then((started) => {
        if (!started) void message.warning(t('import.busy'));
        else reload();
      });
    },
    [importing, message, reload, t],
  );
  const picker = useFilePicker(importFiles, { label: t('library.pickerLabel') });

  const update = useCallback(
    (change: Partial<LibraryQuery>) => {
      // Any change of what is shown starts again from its first page.
      const next = { ...readLibraryQuery(params), page: 1, ...change };
      setParams(writeLibraryQuery(next), { replace: true });
    },
    [params, setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  const data = state.data;
  const libraryEmpty = data !== undefined && data.total === 0 && !hasFilters(query) && query.page === 1;

  return (
    <FileDropArea onFiles={importFiles} hint={t('drop.overlay')}>
      <Page title={t('library.title')} intro={t('library.intro')}>
        {picker.input}
        <Flex gap="small" wrap className="ns-doc-toolbar">
          <Button type="primary" icon={<UploadOutlined />} onClick={picker.open} disabled={busy}>
            {t('library.import')}
          </Button>
          <Button icon={<SearchOutlined />} onClick={() => void navigate('/search')}>
            {t('library.fullText')}
          </Button>
        </Flex>
        {importing.batch ? (
          <ImportPanel batch={importing.batch} onCancel={() => void importing.cancel()} onDismiss={importing.dismiss} />
        ) : null}
        {state.status === 'failed' ? (
          <Alert
            type="error"
            showIcon
            className="ns-doc-alert"
            title={t('library.loadFailed', { message: errorText(state.error) })}
            action={
              <Button icon={<ReloadOutlined />} onClick={reload}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : null}
        {libraryEmpty ? (
          <DropZone size="large" onPick={picker.open} busy={busy} />
        ) : (
          <>
            <DropZone size="compact" onPick={picker.open} busy={busy} />
            <Card size="small" className="ns-doc-library">
              <LibraryFilters value={query} onChange={update} onClear={clear} />
              <DocumentTable
                items={data?.items ?? []}
                total={data?.total ?? 0}
                page={query.page}
                pageSize={query.pageSize}
                loading={state.status === 'loading'}
                onPage={(page, pageSize) => setParams(writeLibraryQuery({ ...query, page, pageSize }))}
                empty={
                  state.status === 'loading' ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('library.noMatch')}>
                    <Button onClick={clear}>{t('filters.clear')}</Button>
                  </Empty>
                }
              />
            </Card>
          </>
        )}
      </Page>
    </FileDropArea>
  );
}
