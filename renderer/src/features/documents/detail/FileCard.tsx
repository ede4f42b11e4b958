import { DeleteOutlined, DownloadOutlined, ExportOutlined, ReadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Descriptions, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DocumentDetail, FileTarget } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useOpenFile, useSaveFile } from '../../../bridge/useOpenFile.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { CardTitle } from '../shared/CardTitle.tsx';
import { errorText } from '../../../common/errors.ts';
import { formatBytes, formatInstant, shortHash } from '../shared/format.ts';

interface FileCardProps {
  doc: DocumentDetail;
  onDeleted(): void;
}

/** The stored file itself: what it is, opening and saving it, and removing it from the library. */
export function FileCard({ doc, onDeleted }: FileCardProps) {
  const { t } = useTranslation('documents');
  const { t: tr } = useTranslation('reader');
  const navigate = useNavigate();
  const bridge = useBridge();
  const openFile = useOpenFile();
  const saveFile = useSaveFile();
  const { message } = AntApp.useApp();
  const [deleting, setDeleting] = useState(false);
  const target: FileTarget = { kind: 'blob', sha256: doc.sha256, fileName: doc.fileName };

  function hand(action: (target: FileTarget) => Promise<void>): void {
    action(target).catch((error: unknown) => void message.error(t('detail.fileFailed', { message: errorText(error) })));
  }

  async function remove(): Promise<void> {
    setDeleting(true);
    try {
      await bridge.invoke('documents.delete', { id: doc.id });
      void message.success(t('detail.deleted'));
      onDeleted();
    } catch (error) {
      // CONFLICT while attached to a meeting: the core's message says where it is used.
      void message.error(t('detail.deleteFailed', { message: errorText(error) }));
    } finally {
      setDeleting(false);
    }
  }

  const textStatus =
    doc.kind === 'attachment' ? t('file.textNone') : doc.textStatus === 'indexed' ? t('file.textIndexed') : t('file.textFailed');

  return (
    <Card size="small" title={<CardTitle>{t('file.title')}</CardTitle>} className="ns-doc-card">
      <Descriptions
        size="small"
        column={1}
        colon={false}
        className="ns-doc-facts"
        items={[
          { key: 'name', label: t('file.name'), children: <span className="ns-doc-break">{doc.fileName}</span> },
          { key: 'kind', label: t('file.kind'), children: doc.kind === 'pdf' ? t('kind.pdf') : `${t('kind.attachment')} (${doc.mime})` },
          ...(doc.pageCount !== null ? [{ key: 'pages', label: t('file.pages'), children: doc.pageCount }] : []),
          { key: 'size', label: t('file.size'), children: formatBytes(doc.size, currentLanguage()) },
          {
            key: 'sha',
            label: t('file.sha256'),
            children: (
              <Tooltip title={doc.sha256}>
                <Typography.Text copyable={{ text: doc.sha256, tooltips: [t('file.copyHash'), t('file.copied')] }} className="ns-doc-hash">
                  {shortHash(doc.sha256)}…
                </Typography.Text>
              </Tooltip>
            ),
          },
          { key: 'created', label: t('file.createdAt'), children: formatInstant(doc.createdAt) },
          { key: 'text', label: t('file.text'), children: textStatus },
        ]}
      />
      <Flex gap="small" wrap className="ns-doc-file-actions">
        {doc.kind === 'pdf' ? (
          <Button type="primary" icon={<ReadOutlined />} onClick={() => void navigate(`/documents/${doc.id}/read`)} aria-label={tr('readAria', { fileName: doc.fileName })}>
            {tr('read')}
          </Button>
        ) : null}
        <Button type={doc.kind === 'pdf' ? 'default' : 'primary'} icon={<ExportOutlined />} onClick={() => hand(openFile)}>
          {t('file.open')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => hand(saveFile)}>
          {t('file.download')}
        </Button>
        <Popconfirm
          title={t('detail.deleteConfirm')}
          description={t('detail.deleteConfirmHint')}
          okText={t('detail.deleteYes')}
          cancelText={t('detail.deleteNo')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove()}
        >
          <Button danger icon={<DeleteOutlined />} loading={deleting}>
            {t('detail.delete')}
          </Button>
        </Popconfirm>
      </Flex>
    </Card>
  );
}
