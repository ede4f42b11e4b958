import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile, ReportAttachResult, TasksReportIssue } from '../../../../../shared/contract/index.ts';
import { useSaveExport } from '../../../common/useSaveExport.ts';
import { AttachReportToMeeting } from './AttachReportToMeeting.tsx';
import { readDraft, writeDraft, type ReportDraft } from './reportDraft.ts';

const NUMBER_MAX = 20;
const NARRATIVE_MAX = 20_000;

export type Format = 'docx' | 'xlsx';

interface Props {
  /** Meetings of this committee are offered for "Đưa vào tài liệu cuộc họp" (all when null). */
  committeeId: string | null;
  /** Where this report's number and narrative are kept between visits (one per report and period). */
  slot: string;
  /** The report's file in the format asked, with what the secretary wrote. */
  exportFile: (format: Format, issue: TasksReportIssue) => Promise<ExportedFile>;
  /** The report stored as a PDF document of a meeting. */
  attach: (meetingId: string, agendaItemId: string | undefined, issue: TasksReportIssue) => Promise<ReportAttachResult>;
}

/**
 * Số, the assessment and recommendations, and the two files: the report in Word and its data in
 * Excel. What is typed is kept per period, so a narrative written over days is not lost; the parent
 * mounts a new card (a new `key`) when the period or the committee changes.
 */
export function ReportExportCard({ committeeId, slot, exportFile, attach }: Props) {
  const { t } = useTranslation('tasks');
  const saveExport = useSaveExport();
  const [draft, setDraft] = useState<ReportDraft>(() => readDraft(slot));
  const [busy, setBusy] = useState<Format | null>(null);

  const change = (patch: Partial<ReportDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    writeDraft(slot, next);
  };

  const issue = () => {
    const number = draft.number.trim();
    const narrative = draft.narrative.trim();
    return { ...(number ? { number } : {}), ...(narrative ? { narrative } : {}) };
  };

  async function exportAs(format: Format): Promise<void> {
    setBusy(format);
    try {
      await saveExport(
        () => exportFile(format, issue()),
        (file) => t('report.export.done', { fileName: file.fileName }),
      );
    } finally {
      setBusy(null);
    }
  }

  const tooLong = draft.narrative.length > NARRATIVE_MAX;
  return (
    <Card
      size="small"
      className="ns-block ns-report-export"
      title={
        <Typography.Title level={2} id="ns-report-export" className="ns-task-section-title">
          {t('report.export.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary" className="ns-small">
        {t('report.export.hint')}
      </Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('report.export.number')} htmlFor="ns-report-number" extra={t('report.export.numberHint')}>
          <Input
            id="ns-report-number"
            className="ns-report-number"
            value={draft.number}
            maxLength={NUMBER_MAX}
            placeholder={t('report.export.numberPlaceholder')}
            autoComplete="off"
            onChange={(e) => change({ number: e.target.value })}
          />
        </Form.Item>
        <Form.Item
          label={t('report.export.narrative')}
          htmlFor="ns-report-narrative"
          extra={t('report.export.narrativeHint')}
          {...(tooLong ? { validateStatus: 'error' as const, help: t('report.export.tooLong', { max: NARRATIVE_MAX.toLocaleString('vi-VN') }) } : {})}
        >
          <Input.TextArea
            id="ns-report-narrative"
            value={draft.narrative}
            autoSize={{ minRows: 4, maxRows: 16 }}
            placeholder={t('report.export.narrativePlaceholder')}
            onChange={(e) => change({ narrative: e.target.value })}
          />
        </Form.Item>
      </Form>
      <Flex gap="small" wrap>
        <Button
          type="primary"
          icon={<FileWordOutlined />}
          loading={busy === 'docx'}
          disabled={tooLong || (busy !== null && busy !== 'docx')}
          onClick={() => void exportAs('docx')}
        >
          {t('report.export.docx')}
        </Button>
        <Button
          icon={<FileExcelOutlined />}
          loading={busy === 'xlsx'}
          disabled={tooLong || (busy !== null && busy !== 'xlsx')}
          onClick={() => void exportAs('xlsx')}
        >
          {t('report.export.xlsx')}
        </Button>
        <AttachReportToMeeting
          committeeId={committeeId}
          disabled={tooLong || busy !== null}
          attach={(meetingId, agendaItemId) => attach(meetingId, agendaItemId, issue())}
        />
      </Flex>
    </Card>
  );
}
