import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Flex, Modal, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DirectoryImportKind, DirectoryImportPreview, DirectoryImportRow } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { errorText } from '../../../common/errors.ts';
import { useSpreadsheetImport } from '../../../common/useSpreadsheetImport.ts';
import { ImportActionTag } from './ImportActionTag.tsx';
import { ImportCell } from './ImportCell.tsx';
import { ImportIssues } from './ImportIssues.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { OnlyProblemsBar } from './OnlyProblemsBar.tsx';
import { SpreadsheetPicker } from './SpreadsheetPicker.tsx';
import { TemplateButton } from './TemplateButton.tsx';

/**
 * Import from a spreadsheet in two steps: the file is read and every row checked and shown; only
 * "Nhập N dòng hợp lệ" writes, and closing or "Hủy" discards the preview with nothing written.
 */
export function ImportDialog({ kind, onClose }: { kind: DirectoryImportKind; onClose: () => void }) {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const language = currentLanguage();
  const { state, read, discard, commit, committing, onlyProblems, setOnlyProblems } = useSpreadsheetImport<DirectoryImportPreview>({
    preview: (upload) => bridge.invoke('directory.importPreview', { upload, kind }),
    cancel: (previewId) => bridge.invoke('directory.importCancel', { previewId }),
    failed: (error) => t('import.failed', { message: errorText(error) }),
  });

  function close(): void {
    discard();
    onClose();
  }

  async function write(preview: DirectoryImportPreview): Promise<void> {
    const result = await bridge.invoke('directory.importCommit', { previewId: preview.previewId });
    void message.success(t('import.done', { created: result.created, updated: result.updated }));
    onClose();
  }

  const picker = (label: string, primary: boolean) => (
    <SpreadsheetPicker
      inputLabel={t('import.fileInput')}
      accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
      primary={primary}
      onFile={(file) => void read(file)}
    >
      {label}
    </SpreadsheetPicker>
  );

  let body: React.ReactNode;
  let footer: React.ReactNode;
  if (state.step === 'choose' || state.step === 'uploading' || state.step === 'reading') {
    body = (
      <Flex vertical gap="middle">
        <Typography.Paragraph className="ns-dir-paragraph">
          {t(kind === 'people' ? 'import.chooseHintPeople' : 'import.chooseHintUnits')} {t('import.previewHint')}
        </Typography.Paragraph>
        {state.step === 'choose' && state.error ? <Alert type="error" showIcon title={state.error} /> : null}
        <ImportProgress state={state} uploadingText={(percent) => t('import.uploading', { percent })} readingText={t('import.reading')} />
        {state.step === 'choose' ? (
          <Flex gap="small" wrap>
            {picker(t('import.choose'), true)}
            <TemplateButton kind={kind} />
          </Flex>
        ) : null}
      </Flex>
    );
    footer = <Button onClick={close}>{t('import.cancel')}</Button>;
  } else {
    const { preview } = state;
    const { counts } = preview;
    const importable = counts.create + counts.update;
    const rows = onlyProblems ? preview.rows.filter((r) => r.action === 'skip') : preview.rows;
    const columns: TableColumnsType<DirectoryImportRow> = [
      { key: 'row', title: t('import.row'), dataIndex: 'rowNumber', width: 64, fixed: 'left' },
      ...preview.columns
        .filter((c) => c.present)
        .map((c) => ({
          key: c.key,
          title: c.label[language],
          render: (_: unknown, row: DirectoryImportRow) => <ImportCell row={row} column={c.key} />,
        })),
      {
        key: 'status',
        title: t('import.status'),
        width: 150,
        render: (_: unknown, row: DirectoryImportRow) => <ImportActionTag action={row.action}>{t(`import.action.${row.action}`)}</ImportActionTag>,
      },
      {
        key: 'problems',
        title: t('import.problems'),
        width: 320,
        render: (_: unknown, row: DirectoryImportRow) => <ImportIssues issues={row.issues} language={language} />,
      },
    ];
    body = (
      <Flex vertical gap="small">
        <Typography.Text>
          <FileExcelOutlined />{' '}
          {preview.sheetName
            ? t('import.fileSheetLabel', { fileName: preview.fileName, sheet: preview.sheetName })
            : t('import.fileLabel', { fileName: preview.fileName })}
        </Typography.Text>
        <Alert
          type={counts.skip > 0 ? 'warning' : 'success'}
          showIcon
          title={t('import.summary', { ...counts })}
          description={t('import.blankNote')}
        />
        <OnlyProblemsBar label={t('import.onlyProblems')} checked={onlyProblems} disabled={counts.skip === 0} onChange={setOnlyProblems}>
          {picker(t('import.chooseAnother'), false)}
        </OnlyProblemsBar>
        <Table<DirectoryImportRow>
          size="small"
          rowKey="rowNumber"
          columns={columns}
          dataSource={rows}
          rowClassName={(row) => (row.action === 'skip' ? 'ns-import-row-bad' : '')}
          pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
          scroll={{ x: 'max-content', y: 420 }}
        />
      </Flex>
    );
    footer = (
      <Flex justify="end" gap="small">
        <Button onClick={close}>{t('import.cancel')}</Button>
        <Button type="primary" disabled={importable === 0} loading={committing} onClick={() => void commit(() => write(preview))}>
          {importable === 0 ? t('import.nothingToImport') : t('import.commit', { count: importable })}
        </Button>
      </Flex>
    );
  }

  return (
    <Modal
      open
      title={t(kind === 'people' ? 'import.titlePeople' : 'import.titleUnits')}
      width={state.step === 'preview' ? 1100 : 620}
      onCancel={close}
      footer={footer}
      maskClosable={false}
      destroyOnHidden
    >
      {body}
    </Modal>
  );
}
