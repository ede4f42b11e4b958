import { ArrowLeftOutlined, ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Flex, Progress, Result, Spin, Typography } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { DocumentDetail, MeetingDetail, ReaderPosition } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useOpenFile } from '../../bridge/useOpenFile.ts';
import { BridgeError } from '../../bridge/BridgeError.ts';
import { useCoreData } from '../../bridge/useCoreData.ts';
import { PAGE_HEADING_ID } from '../../shell/Page.tsx';
import { ClassificationTag, UrgencyTag } from '../documents/shared/DocumentTags.tsx';
import { errorText } from '../../common/errors.ts';
import { numberNotation } from '../documents/shared/format.ts';
import { closePdf, openPdf, PdfLoadError, warmUp } from './pdfjs.ts';
import { PdfReader } from './PdfReader.tsx';
import './reader.css';

export const OPEN_MARK = 'nghisu:reader:open';

type Opened =
  | { status: 'loading'; percent: number | null }
  | { status: 'ready'; pdf: PDFDocumentProxy; position: ReaderPosition | null }
  | { status: 'failed'; message: string; canOpenElsewhere: boolean }
  | { status: 'not-pdf' };

/**
 * /documents/:documentId/read and /meetings/:meetingId/documents/:documentId/read: the in-app
 * PDF reader. Whatever the file holds, the screen ends in the document or in a clear message;
 * the rest of the app keeps working either way.
 */
export function ReaderPage() {
  const { documentId = '', meetingId } = useParams();
  const [attempt, setAttempt] = useState(0);
  // A fresh screen per document (and per retry): nothing of the previous one lingers.
  return <ReaderScreen key={`${documentId}:${attempt}`} documentId={documentId} meetingId={meetingId} onRetry={() => setAttempt((n) => n + 1)} />;
}

function ReaderScreen({ documentId, meetingId, onRetry }: { documentId: string; meetingId: string | undefined; onRetry(): void }) {
  const { t } = useTranslation('reader');
  const bridge = useBridge();
  const openFile = useOpenFile();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = AntApp.useApp();
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [opened, setOpened] = useState<Opened>({ status: 'loading', percent: null });

  const loadMeeting = useCallback(
    () => (meetingId ? bridge.invoke('meetings.get', { id: meetingId }) : Promise.resolve(null)),
    [bridge, meetingId],
  );
  const meeting = useCoreData<MeetingDetail | null>(loadMeeting, ['meetings', 'documents']);

  useEffect(() => {
    let live = true;
    let pdf: PDFDocumentProxy | null = null;
    const abort = new AbortController();
    performance.clearMarks(OPEN_MARK);
    performance.mark(OPEN_MARK);
    // The worker and the viewer's code load while the document is fetched.
    void warmUp();
    void (async () => {
      let detail: DocumentDetail;
      try {
        detail = await bridge.invoke('documents.get', { id: documentId });
      } catch (error) {
        if (!live) return;
        const notFound = error instanceof BridgeError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_INPUT');
        setOpened({ status: 'failed', message: notFound ? t('errors.notFound') : errorText(error), canOpenElsewhere: false });
        return;
      }
      if (!live) return;
      setDoc(detail);
      document.title = t('app.documentTitle', { ns: 'translation', page: detail.summary ?? detail.fileName });
      if (detail.kind !== 'pdf') {
        setOpened({ status: 'not-pdf' });
        return;
      }
      try {
        const [bytes, position] = await Promise.all([
          bridge.readFile({ kind: 'blob', sha256: detail.sha256, fileName: detail.fileName }),
          bridge.invoke('reader.getPosition', { documentId }).catch(() => null),
        ]);
        if (!live) return;
        pdf = await openPdf(bytes, {
          signal: abort.signal,
          onProgress: (loaded, total) => {
            if (live && total > 0) setOpened({ status: 'loading', percent: Math.min(100, Math.round((loaded / total) * 100)) });
          },
        });
        if (!live) {
          void closePdf(pdf);
          return;
        }
        setOpened({ status: 'ready', pdf, position });
      } catch (error) {
        if (!live) return;
        const text =
          error instanceof PdfLoadError
            ? error.reason === 'unknown'
              ? t('errors.unknown', { message: error.message })
              : t(`errors.${error.reason}`)
            : t('errors.file', { message: errorText(error) });
        setOpened({ status: 'failed', message: text, canOpenElsewhere: true });
      }
    })();
    return () => {
      live = false;
      abort.abort();
      if (pdf) void closePdf(pdf);
    };
  }, [bridge, documentId, t]);

  function openElsewhere(): void {
    if (!doc) return;
    openFile({ kind: 'blob', sha256: doc.sha256, fileName: doc.fileName }).catch(
      (error: unknown) => void message.error(t('openWithSystemFailed', { message: errorText(error) })));
  }

  function back(): void {
    // Came here from inside the app: go back to exactly that screen (its scroll and filters).
    if (location.key !== 'default') void navigate(-1);
    else void navigate(meetingId ? `/meetings/${meetingId}` : `/documents/${documentId}`);
  }

  const number = doc ? numberNotation(doc) : null;
  const openElsewhereButton = doc ? (
    <Button icon={<ExportOutlined />} onClick={openElsewhere}>
      {t('openWithSystem')}
    </Button>
  ) : null;

  return (
    <div className="ns-reader">
      <header className="ns-reader-header">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} className="ns-reader-back">
          {meetingId ? t('backToMeeting') : t('back')}
        </Button>
        <Flex vertical className="ns-reader-heading">
          <Flex align="center" gap={8} wrap={false} className="ns-reader-title-row">
            <Typography.Title level={1} id={PAGE_HEADING_ID} tabIndex={-1} className="ns-reader-title" ellipsis={{ tooltip: true }}>
              {doc ? (doc.summary ?? doc.fileName) : t('title')}
            </Typography.Title>
            {doc ? <ClassificationTag value={doc.classification} /> : null}
            {doc ? <UrgencyTag value={doc.urgency} /> : null}
          </Flex>
          {doc ? (
            <Typography.Text type="secondary" className="ns-reader-subtitle" ellipsis>
              {[number ? `Số: ${number}` : null, doc.issuer, doc.summary ? doc.fileName : null].filter(Boolean).join(' · ')}
            </Typography.Text>
          ) : null}
        </Flex>
        {opened.status === 'ready' ? openElsewhereButton : null}
      </header>
      {opened.status === 'ready' ? (
        <PdfReader
          key={documentId}
          documentId={documentId}
          classification={doc?.classification ?? 'normal'}
          pdf={opened.pdf}
          initialPosition={opened.position}
          meeting={meeting.state.data ?? null}
        />
      ) : opened.status === 'loading' ? (
        <div className="ns-reader-state" role="status">
          <Spin size="large" />
          <Typography.Text type="secondary">
            {!doc ? t('loadingDocument') : opened.percent === null ? t('loadingFile') : t('loadingProgress', { percent: opened.percent })}
          </Typography.Text>
          {opened.percent !== null ? <Progress percent={opened.percent} showInfo={false} className="ns-reader-progress" /> : null}
        </div>
      ) : (
        <div className="ns-reader-state">
          <Result
            status={opened.status === 'not-pdf' ? 'info' : 'warning'}
            title={opened.status === 'not-pdf' ? doc?.fileName : t('errors.title')}
            subTitle={<span role="alert">{opened.status === 'not-pdf' ? t('errors.notPdf', { mime: doc?.mime ?? '' }) : opened.message}</span>}
            extra={
              <Flex gap="small" justify="center" wrap>
                {opened.status === 'not-pdf' || opened.canOpenElsewhere ? openElsewhereButton : null}
                {opened.status === 'failed' ? (
                  <Button icon={<ReloadOutlined />} onClick={onRetry}>
                    {t('errors.retry')}
                  </Button>
                ) : null}
                <Button type="primary" icon={<ArrowLeftOutlined />} onClick={back}>
                  {meetingId ? t('backToMeeting') : t('back')}
                </Button>
              </Flex>
            }
          />
        </div>
      )}
    </div>
  );
}
