import { FileOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaItem, MeetingAttachment, MeetingDetail } from '../../../../shared/contract/index.ts';

interface AgendaPanelProps {
  meeting: MeetingDetail;
  documentId: string;
}

function readPath(meetingId: string, documentId: string): string {
  return `/meetings/${meetingId}/documents/${documentId}/read`;
}

function DocumentLinks({ meetingId, documents, currentId }: { meetingId: string; documents: readonly MeetingAttachment[]; currentId: string }) {
  const { t } = useTranslation('reader');
  if (documents.length === 0) return null;
  return (
    <ul className="ns-agenda-docs">
      {documents.map((d) => {
        const current = d.documentId === currentId;
        return (
          <li key={d.attachmentId} className={current ? 'ns-agenda-doc ns-agenda-doc-current' : 'ns-agenda-doc'}>
            {d.kind === 'pdf' ? <FilePdfOutlined aria-hidden className="ns-agenda-doc-icon" /> : <FileOutlined aria-hidden className="ns-agenda-doc-icon" />}
            <Link to={readPath(meetingId, d.documentId)} replace aria-current={current ? 'page' : undefined}>
              {d.summary ?? d.fileName}
            </Link>
            {current ? <Tag color="blue">{t('sidebar.current')}</Tag> : null}
          </li>
        );
      })}
    </ul>
  );
}

function Items({ meetingId, items, currentId }: { meetingId: string; items: readonly AgendaItem[]; currentId: string }) {
  return (
    <ol className="ns-agenda-items">
      {items.map((item) => (
        <li key={item.id} className="ns-agenda-item">
          <Typography.Text strong className="ns-agenda-item-title">
            {item.number}. {item.title}
          </Typography.Text>
          <DocumentLinks meetingId={meetingId} documents={item.documents} currentId={currentId} />
          {item.children.length > 0 ? <Items meetingId={meetingId} items={item.children} currentId={currentId} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** The meeting's agenda beside the document, so the member moves between its documents in order. */
export function AgendaPanel({ meeting, documentId }: AgendaPanelProps) {
  const { t } = useTranslation('reader');
  if (meeting.agenda.items.length === 0 && meeting.documents.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sidebar.agendaEmpty')} />;
  }
  return (
    <nav className="ns-agenda" aria-label={t('sidebar.agenda')}>
      <Typography.Text type="secondary" className="ns-agenda-meeting">
        {meeting.title}
      </Typography.Text>
      <Items meetingId={meeting.id} items={meeting.agenda.items} currentId={documentId} />
      {meeting.documents.length > 0 ? (
        <div className="ns-agenda-common">
          <Typography.Text strong>{t('sidebar.meetingDocuments')}</Typography.Text>
          <DocumentLinks meetingId={meeting.id} documents={meeting.documents} currentId={documentId} />
        </div>
      ) : null}
    </nav>
  );
}
