import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Result, Spin, Tag, Typography } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { ReaderPosition } from '../../../../../shared/contract/index.ts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText } from '../../../common/errors.ts';
import { closePdf, openPdf, warmUp } from '../pdfjs.ts';
import { usePdfViewer } from '../usePdfViewer.ts';
import '../reader.css';

type Opened = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; pdf: PDFDocumentProxy };

const noPosition = () => {};
/** A whole page in view, as a sheet is looked at before it is printed. */
const WHOLE_PAGE: ReaderPosition = { documentId: '', pageIndex: 0, offset: 0, zoom: 'page-fit', rotation: 0, updatedAt: '' };

/**
 * /preview/:exportId/:fileName — a PDF the app just made (a draft Biên bản or Thông báo), shown in
 * the reader's page view as it will print, before anything is finalized or handed out. Nothing is
 * stored: the file lives in the exports folder like any download.
 */
export function PrintPreviewPage() {
  const { exportId = '', fileName = '' } = useParams();
  const { t } = useTranslation('reader');
  const bridge = useBridge();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [opened, setOpened] = useState<Opened>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    let pdf: PDFDocumentProxy | null = null;
    void warmUp();
    void (async () => {
      try {
        const bytes = await bridge.readFile({ kind: 'export', exportId, fileName });
        pdf = await openPdf(bytes);
        if (live) setOpened({ status: 'ready', pdf });
        else void closePdf(pdf);
      } catch (error) {
        if (live) setOpened({ status: 'failed', message: errorText(error) });
      }
    })();
    return () => {
      live = false;
      if (pdf) void closePdf(pdf);
    };
  }, [bridge, exportId, fileName]);

  function download(): void {
    bridge.saveFile({ kind: 'export', exportId, fileName }).catch((error: unknown) => void message.error(errorText(error)));
  }

  return (
    <div className="ns-reader">
      <header className="ns-reader-header">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} className="ns-reader-back">
          {t('back')}
        </Button>
        <div className="ns-reader-heading">
          <Typography.Title level={1} className="ns-reader-title" ellipsis>
            {fileName}
          </Typography.Title>
        </div>
        <Tag color="blue">{t('preview.tag')}</Tag>
        {opened.status === 'ready' ? <Typography.Text type="secondary">{t('preview.pages', { count: opened.pdf.numPages })}</Typography.Text> : null}
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('preview.download')}
        </Button>
      </header>
      {opened.status === 'ready' ? (
        <PreviewPages pdf={opened.pdf} label={t('preview.label')} />
      ) : opened.status === 'failed' ? (
        <Result status="error" title={t('preview.failed', { message: opened.message })} />
      ) : (
        <div className="ns-reader-viewport ns-preview-loading">
          <Spin size="large" />
        </div>
      )}
    </div>
  );
}

/** The pages, drawn by the reader's own pdf.js viewer (a whole page in view, no notes, nothing remembered). */
function PreviewPages({ pdf, label }: { pdf: PDFDocumentProxy; label: string }) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const [viewerElement, setViewerElement] = useState<HTMLDivElement | null>(null);
  usePdfViewer({ pdf, container, viewerElement, initial: WHOLE_PAGE, onPositionChange: noPosition });
  return (
    <div className="ns-reader-viewport">
      <div ref={setContainer} className="ns-reader-scroll" tabIndex={0} role="region" aria-label={label}>
        <div ref={setViewerElement} className="pdfViewer" />
      </div>
    </div>
  );
}
