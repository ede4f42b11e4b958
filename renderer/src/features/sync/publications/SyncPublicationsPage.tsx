import { CloudDownloadOutlined, CloudUploadOutlined, InboxOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncPublication } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { errorText } from '../../../common/errors.ts';
import { dateTime } from '../syncFormat.ts';
import { PUBLICATION_AREAS } from '../SyncStatusContext.tsx';
import { SyncSubPage } from '../SyncSubPage.tsx';
import { TrustAnswersDialog } from './TrustAnswersDialog.tsx';
import '../sync.css';

const STATE_COLOR: Record<SyncPublication['state'], string> = {
  pending: 'processing',
  sent: 'success',
  rejected: 'error',
  imported: 'success',
  waiting: 'warning',
  refused: 'error',
};

/** Where a publication's subject opens on this laptop: a received one only once it is imported. */
function subjectLink(p: SyncPublication): string | null {
  if (p.kind === 'opinion_request' || p.kind === 'opinion_answers') {
    const here = p.direction === 'out' || p.kind === 'opinion_answers' || p.state === 'imported';
    return here && p.requestId ? `/opinions/${p.requestId}` : null;
  }
  return p.meetingId && (p.direction === 'out' || (p.kind === 'meeting_pack' && p.state === 'imported')) ? `/meetings/${p.meetingId}` : null;
}

/**
 * #/sync/publications — meeting packs and written opinions sent from here and received through the
 * hub. A received file whose signer is not trusted yet waits here: the user checks the fingerprint
 * (with the secretariat for a pack or request, with the member for answers), then trusts the key
 * and imports it, as from a file.
 */
export function SyncPublicationsPage() {
  const { t } = useTranslation('sync');
  const bridge = useBridge();
  const { message, modal } = AntApp.useApp();
  const load = useCallback(() => bridge.invoke('sync.publications', {}), [bridge]);
  const { state, reload } = useCoreData(load, PUBLICATION_AREAS);
  const [busy, setBusy] = useState<string | null>(null);
  const [answers, setAnswers] = useState<SyncPublication | null>(null);

  async function importPack(p: SyncPublication, trustSigner: boolean, personId?: string): Promise<void> {
    setBusy(p.id);
    try {
      const done = await bridge.invoke('sync.importPublication', trustSigner ? { id: p.id, trustSigner, ...(personId ? { personId } : {}) } : { id: p.id });
      if (done.state === 'imported') void message.success(t('publications.imported', { title: done.title }));
      else void message.warning(t('publications.notImported', { message: done.message ?? t(`publications.stateName.${done.state}`) }), 8);
      reload();
    } catch (error) {
      void message.error(t('common.failed', { message: errorText(error) }), 8);
    } finally {
      setBusy(null);
    }
  }

  async function trust(p: SyncPublication): Promise<void> {
    if (p.kind === 'opinion_answers') {
      setAnswers(p);
      return;
    }
    const agreed = await modal.confirm({
      title: t('publications.trustTitle'),
      icon: <SafetyCertificateOutlined />,
      width: 560,
      content: (
        <div className="ns-sync-trust">
          <Typography.Paragraph>{t('publications.trustWhy', { title: p.title })}</Typography.Paragraph>
          <blockquote className="ns-sync-quote">{p.message}</blockquote>
          <Typography.Paragraph strong>{t('publications.trustHow')}</Typography.Paragraph>
        </div>
      ),
      okText: t('publications.trustOk'),
      cancelText: t('common.cancel'),
      // Trusting a key is the step to think about: Enter alone must not take it.
      autoFocusButton: 'cancel',
    });
    if (agreed) await importPack(p, true);
  }

  const columns: TableColumnsType<SyncPublication> = [
    {
      key: 'direction',
      title: t('publications.direction'),
      width: 104,
      render: (_, p) => (
        <Tag icon={p.direction === 'out' ? <CloudUploadOutlined /> : <CloudDownloadOutlined />} color={p.direction === 'out' ? 'blue' : 'cyan'}>
          {t(`publications.directionName.${p.direction}`)}
        </Tag>
      ),
    },
    {
      key: 'title',
      title: t('publications.meeting'),
      width: 210,
      render: (_, p) => (
        <Flex vertical gap={2}>
          {subjectLink(p) ? <Link to={subjectLink(p)!}>{p.title}</Link> : <Typography.Text>{p.title}</Typography.Text>}
          <Typography.Text type="secondary" className="ns-sync-small">
            {t(`publications.kind.${p.kind}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'file',
      title: t('publications.file'),
      width: 190,
      render: (_, p) => <span className="ns-sync-file">{p.fileName}</span>,
    },
    {
      key: 'state',
      title: t('publications.state'),
      width: 190,
      render: (_, p) => (
        <Flex vertical gap={8} align="flex-start">
          <Tag color={STATE_COLOR[p.state]}>{t(`publications.stateName.${p.state}`)}</Tag>
          {p.state === 'waiting' ? (
            <Button size="small" type="primary" icon={<SafetyCertificateOutlined />} loading={busy === p.id} onClick={() => void trust(p)}>
              {t('publications.trust')}
            </Button>
          ) : p.state === 'refused' ? (
            <Button size="small" icon={<ReloadOutlined />} loading={busy === p.id} onClick={() => void importPack(p, false)}>
              {t('publications.retry')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'message',
      title: t('publications.message'),
      render: (_, p) => (p.message ? <span className="ns-sync-message">{p.message}</span> : <Typography.Text type="secondary">{t('status.none')}</Typography.Text>),
    },
    {
      key: 'at',
      title: t('publications.at'),
      width: 132,
      render: (_, p) => <span className="ns-sync-nowrap">{dateTime(p.createdAt)}</span>,
    },
  ];

  return (
    <SyncSubPage
      title={t('publications.title')}
      intro={t('publications.intro')}
      back={t('publications.back')}
      loadFailed={(message) => t('publications.loadFailed', { message })}
      state={state}
      reload={reload}
      isEmpty={(rows) => rows.length === 0}
      empty={{
        icon: <InboxOutlined className="ns-sync-empty-icon ns-sync-empty-neutral" aria-hidden />,
        title: t('publications.empty'),
        hint: t('publications.emptyHint'),
      }}
    >
      {(rows) => (
        <Card className="ns-sync-card ns-sync-publications">
          {answers ? (
            <TrustAnswersDialog
              publication={answers}
              busy={busy === answers.id}
              onCancel={() => setAnswers(null)}
              onTrust={(personId) => void importPack(answers, true, personId).then(() => setAnswers(null))}
            />
          ) : null}
          <Table<SyncPublication>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            aria-label={t('publications.title')}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          />
        </Card>
      )}
    </SyncSubPage>
  );
}
