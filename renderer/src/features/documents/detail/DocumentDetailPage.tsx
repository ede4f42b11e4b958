import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Result, Row, Spin, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { DocumentDetail } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { BridgeError } from '../../../bridge/BridgeError.ts';
import { Page } from '../../../shell/Page.tsx';
import { ClassificationTag, KindIcon, UrgencyTag } from '../shared/DocumentTags.tsx';
import { errorText } from '../../../common/errors.ts';
import { numberNotation } from '../shared/format.ts';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { useAssignFromDocument } from '../../tasks/fromDocument/useAssignFromDocument.tsx';
import { FileCard } from './FileCard.tsx';
import { MetadataForm } from './MetadataForm.tsx';
import { UsesCard } from './UsesCard.tsx';
import { VersionsCard } from './VersionsCard.tsx';
import '../documents.css';

/** Where "back" leads: the library page the user came from (filters kept), else the library itself. */
function useBackTarget(): string {
  const state = useLocation().state as { from?: unknown } | null;
  return typeof state?.from === 'string' && state.from.startsWith('/documents') ? state.from : '/documents';
}

/** Keyed by id: moving to another version starts from a fresh form, never carrying edits across. */
export function DocumentDetailPage() {
  const { id = '' } = useParams();
  return <DocumentDetailScreen key={id} id={id} />;
}

function DocumentDetailScreen({ id }: { id: string }) {
  const { t } = useTranslation('documents');
  const bridge = useBridge();
  const navigate = useNavigate();
  const back = useBackTarget();
  const load = useCallback(() => bridge.invoke('documents.get', { id }), [bridge, id]);
  // Meetings tell where the document is used, so their changes matter here too.
  const { state, reload, replace } = useCoreData(load, ['documents', 'meetings']);
  // Giao nhiệm vụ từ văn bản (the tasks area): its button beside the heading, its notice under it.
  const assign = useAssignFromDocument(state.data);

  const heading = (doc: DocumentDetail): string => {
    const number = numberNotation(doc);
    if (!number) return doc.fileName;
    return doc.typeLabel ? t('detail.headingTyped', { type: doc.typeLabel, number }) : t('detail.heading', { number });
  };

  const backLink = (
    <Link to={back} className="ns-doc-back">
      <ArrowLeftOutlined aria-hidden /> {t('detail.back')}
    </Link>
  );

  if (state.status === 'loading') {
    return (
      <Page title={t('detail.loadingTitle')}>
        <Flex justify="center" className="ns-doc-loading">
          <Spin />
        </Flex>
      </Page>
    );
  }

  if (!state.data) {
    const gone = state.error instanceof BridgeError && (state.error.code === 'NOT_FOUND' || state.error.code === 'INVALID_INPUT');
    return (
      <Page title={gone ? t('detail.notFoundTitle') : t('detail.loadFailedTitle')}>
        {backLink}
        <Result
          status={gone ? '404' : 'error'}
          title={gone ? t('detail.notFound') : t('detail.loadFailed', { message: errorText(state.error) })}
          extra={
            gone ? null : (
              <Button icon={<ReloadOutlined />} onClick={reload}>
                {t('common.retry')}
              </Button>
            )
          }
        />
      </Page>
    );
  }

  const doc = state.data;
  return (
    <Page title={heading(doc)}>
      <Flex vertical gap="small" className="ns-doc-detail-head">
        {backLink}
        <Flex gap="small" align="center" wrap>
          <KindIcon kind={doc.kind} />
          {doc.summary ? <Typography.Text className="ns-doc-detail-summary">{doc.summary}</Typography.Text> : null}
          <ClassificationTag value={doc.classification} />
          <UrgencyTag value={doc.urgency} />
          {assign.button}
        </Flex>
        {assign.notice}
      </Flex>
      {state.status === 'failed' ? (
        <Alert type="warning" showIcon className="ns-doc-alert" title={t('detail.loadFailed', { message: errorText(state.error) })} />
      ) : null}
      {doc.kind === 'pdf' && doc.textStatus === 'failed' ? (
        <Alert type="warning" showIcon className="ns-doc-alert" title={t('detail.noText')} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <MetadataForm doc={doc} onSaved={replace} />
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <FileCard doc={doc} onDeleted={() => void navigate(back, { replace: true })} />
            <UsesCard doc={doc} />
            <VersionsCard doc={doc} />
          </Flex>
        </Col>
      </Row>
      {assign.drawer}
    </Page>
  );
}
