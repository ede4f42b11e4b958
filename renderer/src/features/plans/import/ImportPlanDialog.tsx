import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Flex, Form, Input, Modal, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanImportPreview, PlanImportResult, PlanImportRow } from '../../../../../shared/contract/index.ts';
import { targetPeriodLabel } from '../../../../../shared/plans/target-periods.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { requiredMark } from '../../../common/requiredMark.tsx';
import { errorText } from '../../../common/errors.ts';
import { useLang } from '../../../common/useLang.ts';
import { useSpreadsheetImport } from '../../../common/useSpreadsheetImport.ts';
import { ImportActionTag } from '../../directory/import/ImportActionTag.tsx';
import { ImportCell } from '../../directory/import/ImportCell.tsx';
import { ImportIssues } from '../../directory/import/ImportIssues.tsx';
import { ImportProgress } from '../../directory/import/ImportProgress.tsx';
import { OnlyProblemsBar } from '../../directory/import/OnlyProblemsBar.tsx';
import { SpreadsheetPicker } from '../../directory/import/SpreadsheetPicker.tsx';
import { foldedFilter, useCommittees } from '../../meetings/shared/directoryOptions.tsx';
import { PlanTemplateButton } from './PlanTemplateButton.tsx';
import '../../directory/directory.css';

const TITLE_MAX = 500;
const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Nhập kế hoạch từ Excel in two steps: the file is read and every row (group or target) checked and
 * shown with the periods found; the title can be corrected; only "Nhập N chỉ tiêu" writes, and
 * closing or "Hủy" discards the preview with nothing written.
 */
export function ImportPlanDialog({ planId, onClose, onImported }: { planId?: string; onClose: () => void; onImported: (result: PlanImportResult) => void }) {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const committees = useCommittees();
  const [committeeId, setCommitteeId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const { state, read, discard, commit, committing, onlyProblems, setOnlyProblems } = useSpreadsheetImport<PlanImportPreview>({
    preview: (upload) =>
      bridge.invoke('plans.importPreview', {
        upload,
        ...(committeeId ? { committeeId } : {}),
        ...(planId ? { planId } : {}),
      }),
    cancel: (previewId) => bridge.invoke('plans.importCancel', { previewId }),
    failed: (error) => t('import.failed', { message: errorText(error) }),
    onPreview: (preview) => setTitle(preview.title),
  });

  function close(): void {
    discard();
    onClose();
  }

  async function write(preview: PlanImportPreview): Promise<void> {
    const wanted = title.trim();
    const result = await bridge.invoke('plans.importCommit', { previewId: preview.previewId, ...(wanted && wanted !== preview.title ? { title: wanted } : {}) });
    void message.success(t('import.done', { title: wanted || preview.title, created: result.created, updated: result.updated }));
    onImported(result);
  }

  const picker = (label: string, primary: boolean) => (
    <SpreadsheetPicker inputLabel={t('import.fileInput')} accept={ACCEPT} primary={primary} onFile={(file) => void read(file)}>
      {label}
    </SpreadsheetPicker>
  );

  let body: React.ReactNode;
  let footer: React.ReactNode;
  if (state.step !== 'preview') {
    body = (
      <Flex vertical gap="middle">
        <Typography.Paragraph className="ns-dir-paragraph">
          {t('import.chooseHint')} {t('import.previewHint')}
        </Typography.Paragraph>
        {planId ? null : (
          <Form layout="vertical" component="div">
            <Form.Item label={t('import.committee')} htmlFor="ns-plan-import-committee" className="ns-plan-import-committee">
              <Select<string>
                id="ns-plan-import-committee"
                allowClear
                showSearch={{ filterOption: foldedFilter }}
                disabled={state.step !== 'choose'}
                placeholder={t('import.committeePlaceholder')}
                loading={committees.status === 'loading'}
                value={committeeId ?? undefined}
                onChange={(id) => setCommitteeId(id ?? null)}
                options={(committees.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Form>
        )}
        {state.step === 'choose' && state.error ? <Alert type="error" showIcon title={state.error} /> : null}
        <ImportProgress state={state} uploadingText={(percent) => t('import.uploading', { percent })} readingText={t('import.reading')} />
        {state.step === 'choose' ? (
          <Flex gap="small" wrap>
            {picker(t('import.choose'), true)}
            <PlanTemplateButton />
          </Flex>
        ) : null}
      </Flex>
    );
    footer = <Button onClick={close}>{t('common.cancel')}</Button>;
  } else {
    const { preview } = state;
    const { counts } = preview;
    const importable = counts.create + counts.update;
    const rows = onlyProblems ? preview.rows.filter((r) => r.action === 'skip' || r.issues.length > 0) : preview.rows;
    const titleBad = title.trim() === '' || title.length > TITLE_MAX;
    const cell = (key: string) => (_: unknown, row: PlanImportRow) => <ImportCell row={row} column={key} />;
    const columns: TableColumnsType<PlanImportRow> = [
      { key: 'row', title: t('import.row'), dataIndex: 'rowNumber', width: 56, fixed: 'left' },
      {
        key: 'kind',
        title: t('import.kind'),
        width: 84,
        render: (_: unknown, row: PlanImportRow) =>
          row.kind === 'group' ? <Tag color="purple">{t('import.kindGroup')}</Tag> : <Tag>{t('import.kindTarget')}</Tag>,
      },
      { key: 'code', title: t('import.code'), width: 72, render: cell('code') },
      {
        key: 'name',
        title: t('import.name'),
        width: 260,
        render: (_: unknown, row: PlanImportRow) => <ImportCell row={row} column="name" className={row.kind === 'group' ? 'ns-plan-import-group' : undefined} />,
      },
      { key: 'measure', title: t('import.measure'), width: 64, render: cell('measure') },
      { key: 'owner', title: t('import.owner'), width: 170, render: cell('owner') },
      ...preview.periods.map((period) => ({
        key: `period-${period}`,
        title: targetPeriodLabel(period, lang),
        align: 'right' as const,
        width: 100,
        render: cell(period),
      })),
      {
        key: 'status',
        title: t('import.status'),
        width: 130,
        render: (_: unknown, row: PlanImportRow) => <ImportActionTag action={row.action}>{t(`import.action.${row.action}`)}</ImportActionTag>,
      },
      {
        key: 'problems',
        title: t('import.problems'),
        width: 220,
        render: (_: unknown, row: PlanImportRow) => <ImportIssues issues={row.issues} language={lang} />,
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
        <Form layout="vertical" component="div" className="ns-plan-import-head" requiredMark={requiredMark}>
          <Form.Item
            label={t('import.planTitle')}
            htmlFor="ns-plan-import-title"
            required
            {...(titleBad ? { validateStatus: 'error' as const, help: t('import.planTitleRequired') } : {})}
          >
            <Input id="ns-plan-import-title" value={title} maxLength={TITLE_MAX + 1} onChange={(e) => setTitle(e.target.value)} />
          </Form.Item>
        </Form>
        <Flex gap="small" wrap align="center" className="ns-plan-import-periods">
          <Typography.Text strong>{t('import.periods')}:</Typography.Text>
          {preview.periods.length === 0 ? (
            <Typography.Text type="danger">{t('import.noPeriods')}</Typography.Text>
          ) : (
            preview.periods.map((p) => (
              <Tag key={p} color="geekblue">
                {targetPeriodLabel(p, lang)}
              </Tag>
            ))
          )}
          {preview.yearFrom === preview.yearTo ? null : (
            <Typography.Text type="secondary">{t('import.years', { from: preview.yearFrom, to: preview.yearTo })}</Typography.Text>
          )}
        </Flex>
        <Alert
          type={counts.skip > 0 ? 'warning' : 'success'}
          showIcon
          title={t('import.summary', { ...counts })}
          description={counts.skip > 0 ? t('import.fixHint') : t('import.okHint')}
        />
        <OnlyProblemsBar label={t('import.onlyProblems')} checked={onlyProblems} disabled={counts.skip === 0} onChange={setOnlyProblems}>
          {picker(t('import.chooseAnother'), false)}
        </OnlyProblemsBar>
        <Table<PlanImportRow>
          size="small"
          rowKey="rowNumber"
          className="ns-plan-import-table"
          columns={columns}
          dataSource={rows}
          rowClassName={(row) => (row.action === 'skip' ? 'ns-import-row-bad' : row.kind === 'group' ? 'ns-plan-import-group-row' : '')}
          pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
          scroll={{ x: 'max-content', y: 400 }}
        />
      </Flex>
    );
    footer = (
      <Flex justify="end" gap="small">
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button type="primary" disabled={importable === 0 || titleBad} loading={committing} onClick={() => void commit(() => write(preview))}>
          {importable === 0 ? t('import.nothingToImport') : t('import.commit', { count: importable })}
        </Button>
      </Flex>
    );
  }

  return (
    <Modal
      open
      title={t('import.title')}
      width={state.step === 'preview' ? 'min(1400px, 96vw)' : 640}
      onCancel={close}
      footer={footer}
      maskClosable={false}
      destroyOnHidden
    >
      {body}
    </Modal>
  );
}

