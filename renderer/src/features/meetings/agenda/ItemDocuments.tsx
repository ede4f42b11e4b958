import { DisconnectOutlined, FileOutlined, FilePdfOutlined, ReadOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MeetingAttachment } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useOpenFile } from '../../../bridge/useOpenFile.ts';
import { ClassificationTag } from '../shared/tags.tsx';
import { useLang } from '../../../common/useLang.ts';
import { useRun } from '../../../common/useRun.ts';
import { ATTACH_ACCEPT } from './useAttachFiles.ts';

function reference(d: MeetingAttachment): string | null {
  if (d.number && d.notation) return `${d.number}/${d.notation}`;
  return d.number ?? d.notation ?? null;
}

/** The documents placed under an agenda item (or the meeting): open, replace with a newer version, detach. */
export function ItemDocuments({ documents, editable }: { documents: readonly MeetingAttachment[]; editable: boolean }) {
  const { t } = useTranslation('meetings');
  if (documents.length === 0) return null;
  return (
    <ul className="ns-doc-list" aria-label={t('documents.listLabel')}>
      {documents.map((d) => (
        <DocumentRow key={d.attachmentId} document={d} editable={editable} />
      ))}
    </ul>
  );
}

function DocumentRow({ document: d, editable }: { document: MeetingAttachment; editable: boolean }) {
  const { t } = useTranslation('meetings');
  const { t: tr } = useTranslation('reader');
  const { id: meetingId } = useParams();
  const bridge = useBridge();
  const run = useRun();
  const openFile = useOpenFile();
  const lang = useLang();
  const input = useRef<HTMLInputElement>(null);
  const [replacing, setReplacing] = useState(false);
  const ref = reference(d);

  async function replace(file: File): Promise<void> {
    setReplacing(true);
    await run(async () => {
      const staged = await bridge.upload(file);
      const imported = await bridge.invoke('documents.import', { files: [{ uploadId: staged.uploadId, fileName: staged.fileName }] });
      const outcome = imported.results[0];
      if (!outcome) throw new Error(t('documents.replaceFailed'));
      if (!outcome.ok) throw new Error(outcome.error.message[lang]);
      await bridge.invoke('documents.replaceVersion', { attachmentId: d.attachmentId, documentId: outcome.document.id });
    }, t('documents.replaced', { fileName: file.name }));
    setReplacing(false);
  }

  return (
    <li className="ns-doc-row">
      {d.kind === 'pdf' ? <FilePdfOutlined className="ns-doc-icon ns-doc-pdf" aria-hidden /> : <FileOutlined className="ns-doc-icon" aria-hidden />}
      <div className="ns-doc-main">
        <Button
          type="link"
          size="small"
          className="ns-doc-name"
          onClick={() => void run(() => openFile({ kind: 'blob', sha256: d.sha256, fileName: d.fileName }))}
          aria-label={t('documents.open', { fileName: d.fileName })}
        >
          {d.fileName}
        </Button>
        {d.kind === 'pdf' && meetingId ? (
          <Link to={`/meetings/${meetingId}/documents/${d.documentId}/read`} aria-label={tr('readAria', { fileName: d.fileName })}>
            <ReadOutlined aria-hidden /> {tr('read')}
          </Link>
        ) : null}
        <ClassificationTag value={d.classification} />
        <Typography.Text type="secondary" className="ns-small">
          {[ref ? t('documents.number', { ref }) : null, d.pageCount ? t('documents.pages', { count: d.pageCount }) : null, d.summary]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </div>
      {editable ? (
        <Space size={2} className="ns-doc-actions">
          <input
            ref={input}
            type="file"
            accept={ATTACH_ACCEPT}
            className="ns-sr-only"
            tabIndex={-1}
            aria-label={t('documents.replaceInput', { fileName: d.fileName })}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void replace(file);
            }}
          />
          <Tooltip title={t('documents.replaceHint')}>
            <Button
              size="small"
              type="text"
              icon={<SwapOutlined />}
              loading={replacing}
              onClick={() => input.current?.click()}
              aria-label={t('documents.replace', { fileName: d.fileName })}
            >
              {t('documents.replaceShort')}
            </Button>
          </Tooltip>
          <Popconfirm
            title={t('documents.detachConfirm', { fileName: d.fileName })}
            description={t('documents.detachHint')}
            okText={t('documents.detachShort')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => run(() => bridge.invoke('documents.detach', { attachmentId: d.attachmentId }), t('documents.detached', { fileName: d.fileName }))}
          >
            <Button size="small" type="text" danger icon={<DisconnectOutlined />} aria-label={t('documents.detach', { fileName: d.fileName })}>
              {t('documents.detachShort')}
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
    </li>
  );
}
