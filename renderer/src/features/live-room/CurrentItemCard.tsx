import { Button, Card, Flex, InputNumber, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveRoomSnapshot, MeetingDetail } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import type { Drive } from './drive.ts';
import { flatAgenda, ItemTimer } from './RoomPieces.tsx';

/** The agenda, the item being discussed with its timer, and the document and page presented. */
export function CurrentItemCard({ meeting, snapshot, drive }: { meeting: MeetingDetail; snapshot: LiveRoomSnapshot; drive: Drive }) {
  const { t } = useTranslation('room');
  const bridge = useBridge();
  const items = flatAgenda(meeting.agenda.items);
  const current = snapshot.current;
  const currentItem = items.find((i) => i.id === current.itemId);
  const documents = [...(currentItem?.documents ?? []), ...meeting.documents].filter((d) => d.kind === 'pdf');
  const [documentId, setDocumentId] = useState<string | null>(current.documentId);
  const [page, setPage] = useState<number | null>(current.page);

  const setCurrent = (itemId: string | null, doc: string | null, p: number | null) =>
    drive(() => bridge.invoke('liveRoom.setCurrent', { meetingId: meeting.id, itemId, documentId: doc, page: doc ? p : null }));

  return (
    <Card title={t('current.heading')} className="ns-room-card">
      <ItemTimer snapshot={snapshot} />
      <List
        size="small"
        className="ns-room-items"
        dataSource={items}
        renderItem={(i) => (
          <List.Item
            className={i.id === current.itemId ? 'ns-room-item is-current' : 'ns-room-item'}
            actions={[
              i.id === current.itemId ? (
                <Tag color="blue" key="on">{t('current.chosen')}</Tag>
              ) : (
                <Button key="go" size="small" onClick={() => (setDocumentId(null), setPage(null), void setCurrent(i.id, null, null))}>
                  {t('current.choose')}
                </Button>
              ),
            ]}
          >
            <Typography.Text>
              {i.number}. {i.title}
            </Typography.Text>
          </List.Item>
        )}
      />
      {currentItem ? (
        <Flex gap="small" wrap align="end" className="ns-room-present">
          <label className="ns-room-field">
            <Typography.Text type="secondary">{t('current.document')}</Typography.Text>
            <Select
              aria-label={t('current.document')}
              className="ns-room-document"
              value={documentId ?? ''}
              onChange={(v) => setDocumentId(v || null)}
              options={[{ value: '', label: t('current.noDocument') }, ...documents.map((d) => ({ value: d.documentId, label: d.summary ? `${d.summary} — ${d.fileName}` : d.fileName }))]}
            />
          </label>
          <label className="ns-room-field">
            <Typography.Text type="secondary">{t('current.page')}</Typography.Text>
            <InputNumber aria-label={t('current.page')} min={1} max={documents.find((d) => d.documentId === documentId)?.pageCount ?? 100_000} value={page} onChange={(v) => setPage(v)} disabled={!documentId} />
          </label>
          <Button type="primary" disabled={!documentId} onClick={() => void setCurrent(current.itemId, documentId, page ?? 1)}>
            {t('current.present')}
          </Button>
          {current.documentId && current.page ? <Tag>{t('current.presenting', { page: current.page })}</Tag> : null}
        </Flex>
      ) : null}
    </Card>
  );
}
