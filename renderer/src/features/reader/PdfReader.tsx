import { DoubleLeftOutlined, DoubleRightOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Classification, MeetingDetail, ReaderPosition, ReaderRotation } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { FollowPresenter } from '../live-room/FollowPresenter.tsx';
import { AgendaPanel } from './AgendaPanel.tsx';
// The annotations workspace (another engineer's) plugs in here once it exists:
import { AnnotationsWorkspace } from './annotations/AnnotationsWorkspace.tsx';
import { FindBar } from './find/FindBar.tsx';
import { useFind } from './find/useFind.ts';
import { OutlinePanel } from './OutlinePanel.tsx';
import type { ReaderApi } from './readerApi.ts';
import { ReaderToolbar } from './ReaderToolbar.tsx';
import { ThumbnailsPanel } from './ThumbnailsPanel.tsx';
import { usePdfViewer } from './usePdfViewer.ts';
import { rotateBy, setScaleValue, showPage } from './viewerTypes.ts';
import { useReaderKeys } from './useReaderKeys.ts';
import { useWatermark } from './watermark.ts';
import { steppedZoom } from './zoom.ts';
import 'pdfjs-dist/web/pdf_viewer.css';

interface PdfReaderProps {
  documentId: string;
  /** Mật and above: every page carries the reader's watermark, and exports ask for a release. */
  classification: Classification;
  pdf: PDFDocumentProxy;
  initialPosition: ReaderPosition | null;
  /** When opened from a meeting: its agenda goes in the sidebar. */
  meeting: MeetingDetail | null;
}

type SideTab = 'pages' | 'outline' | 'agenda';

/** The open document: toolbar, sidebar (pages, outline, agenda), the pages, and the notes panel. */
export function PdfReader({ documentId, classification, pdf, initialPosition, meeting }: PdfReaderProps) {
  const { t } = useTranslation('reader');
  const bridge = useBridge();
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const [viewerElement, setViewerElement] = useState<HTMLDivElement | null>(null);
  const [toolbarSlot, setToolbarSlot] = useState<HTMLDivElement | null>(null);
  const [panelSlot, setPanelSlot] = useState<HTMLDivElement | null>(null);
  const [sidebarOpen, setSidebarOpen] = useState(true);
  const [panelOpen, setPanelOpen] = useState(true);
  const [sideTab, setSideTab] = useState<SideTab>(meeting ? 'agenda' : 'pages');
  const [findOpen, setFindOpen] = useState(false);
  const [findFocus, setFindFocus] = useState(0);
  const [labels, setLabels] = useState<string[] | null>(null);
  const watermark = useWatermark(classification);

  const savePosition = useCallback(
    (p: { pageIndex: number; offset: number; zoom: ReaderPosition['zoom']; rotation: ReaderRotation }) => {
      // Losing a reading position is harmless; it must never interrupt reading.
      bridge.invoke('reader.savePosition', { documentId, ...p }).catch(() => {});
    },
    [bridge, documentId],
  );

  const { handle, snapshot, addLayoutListener } = usePdfViewer({
    pdf,
    container,
    viewerElement,
    initial: initialPosition,
    onPositionChange: savePosition,
  });
  const viewer = handle?.viewer ?? null;
  const find = useFind(pdf, viewer, addLayoutListener);

  useEffect(() => {
    let live = true;
    pdf
      .getPageLabels()
      .then((found) => live && setLabels(found))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [pdf]);

  const pageLabel = useCallback((pageIndex: number) => labels?.[pageIndex] || String(pageIndex + 1), [labels]);

  const resolvePage = useCallback(
    (text: string): number | null => {
      if (!text) return null;
      const byLabel = labels?.findIndex((l) => l.toLowerCase() === text.toLowerCase()) ?? -1;
      if (byLabel >= 0) return byLabel;
      const n = Number(text);
      return Number.isInteger(n) && n >= 1 && n <= pdf.numPages ? n - 1 : null;
    },
    [labels, pdf],
  );

  const goToPage = useCallback((pageIndex: number) => {
    if (viewer) showPage(viewer, pageIndex);
  }, [viewer]);

  const zoomStep = useCallback(
    (direction: 1 | -1) => {
      if (viewer) setScaleValue(viewer, String(steppedZoom(viewer.currentScale, direction) / 100));
    },
    [viewer],
  );

  const openFind = useCallback(() => {
    setFindOpen(true);
    setFindFocus((n) => n + 1);
  }, []);
  const closeFind = useCallback(() => {
    setFindOpen(false);
    find.clear();
    container?.focus({ preventScroll: true });
  }, [find, container]);

  useReaderKeys(viewer, {
    openFind,
    closeFind: () => {
      if (!findOpen) return false;
      closeFind();
      return true;
    },
    zoomStep,
    zoomReset: () => {
      if (viewer) setScaleValue(viewer, 'page-width');
    },
  });

  // Ctrl+wheel zooms around the pointer (and stops the browser from zooming the whole app).
  useEffect(() => {
    const el = container;
    if (!el || !viewer) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      if (event.deltaY === 0) return;
      viewer.updateScale({ drawingDelay: 300, scaleFactor: event.deltaY < 0 ? 1.1 : 1 / 1.1, origin: [event.clientX, event.clientY] });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [viewer, container]);

  const api = useMemo<ReaderApi | null>(() => {
    if (!viewer || !container) return null;
    return {
      documentId,
      classification,
      pdf,
      surfaces: snapshot.surfaces,
      scale: snapshot.scale,
      rotation: snapshot.rotation,
      currentPageIndex: snapshot.pageIndex,
      scrollToPoint(pageIndex, x, y) {
        viewer.scrollPageIntoView({
          pageNumber: pageIndex + 1,
          // A little above the point, so what is there is seen with its context.
          destArray: [null, { name: 'XYZ' }, Math.max(0, x - 48), y + 72, null],
          allowNegativeOffset: true,
          ignoreDestinationZoom: true,
        });
      },
      pageLabel,
      container,
      toolbarSlot,
      panelSlot,
    };
  }, [viewer, container, documentId, classification, pdf, snapshot.surfaces, snapshot.scale, snapshot.rotation, snapshot.pageIndex, pageLabel, toolbarSlot, panelSlot]);

  const sideTabs = [
    {
      key: 'pages',
      label: t('sidebar.pages'),
      children: (
        // Mounted once the page in view is drawn: 500 thumbnails asking the worker for pages would
        // otherwise hold up the page the member opened the document to read.
        snapshot.firstPageDrawn ? (
          <ThumbnailsPanel pdf={pdf} currentPageIndex={snapshot.pageIndex} rotation={snapshot.rotation} pageLabel={pageLabel} onSelect={goToPage} />
        ) : null
      ),
    },
    {
      key: 'outline',
      label: t('sidebar.outline'),
      children: <OutlinePanel pdf={pdf} onNavigate={(dest) => void handle?.linkService.goToDestination(dest)} />,
    },
    ...(meeting ? [{ key: 'agenda', label: t('sidebar.agenda'), children: (
            <div className="ns-reader-side-scroll">
              <AgendaPanel meeting={meeting} documentId={documentId} />
            </div>
          ) }] : []),
  ];

  return (
    <div className="ns-reader-body" data-ready={snapshot.ready ? 'true' : undefined}>
      <ReaderToolbar
        pageIndex={snapshot.pageIndex}
        pageCount={pdf.numPages}
        scale={snapshot.scale}
        scaleValue={snapshot.scaleValue}
        sidebarOpen={sidebarOpen}
        pageLabel={pageLabel}
        resolvePage={resolvePage}
        onToggleSidebar={() => setSidebarOpen((open) => !open)}
        onGoToPage={goToPage}
        onZoom={(value) => {
          if (viewer) setScaleValue(viewer, value);
        }}
        onZoomStep={zoomStep}
        onRotate={(delta) => {
          if (viewer) rotateBy(viewer, delta);
        }}
        onFind={openFind}
        onSlot={setToolbarSlot}
      />
      <div className="ns-reader-main">
        {sidebarOpen ? (
          <aside className="ns-reader-sidebar" aria-label={t('sidebar.label')}>
            <div role="tablist" className="ns-reader-tabs" aria-label={t('sidebar.label')}>
              {sideTabs.map((tab) => (
                <button
                  key={tab.key}
                  type="button"
                  role="tab"
                  id={`ns-reader-tab-${tab.key}`}
                  aria-selected={tab.key === sideTab}
                  aria-controls="ns-reader-tabpanel"
                  className={tab.key === sideTab ? 'ns-reader-tab ns-reader-tab-active' : 'ns-reader-tab'}
                  onClick={() => setSideTab(tab.key as SideTab)}
                >
                  {tab.label}
                </button>
              ))}
            </div>
            <div role="tabpanel" id="ns-reader-tabpanel" aria-labelledby={`ns-reader-tab-${sideTab}`} className="ns-reader-side-body">
              {sideTabs.find((tab) => tab.key === sideTab)?.children}
            </div>
          </aside>
        ) : null}
        <div className="ns-reader-center">
          <FollowPresenter documentId={documentId} ready={snapshot.ready && viewer !== null} goToPage={goToPage} />
          {findOpen ? (
            <FindBar state={find.state} pageCount={pdf.numPages} focusSignal={findFocus} onSearch={find.search} onMove={find.move} onClose={closeFind} />
          ) : null}
          <div className="ns-reader-viewport">
            <div ref={setContainer} className="ns-reader-scroll" tabIndex={0} role="region" aria-label={t('viewer.label')}>
              <div
                ref={setViewerElement}
                className="pdfViewer"
                data-watermark={watermark?.text}
                style={watermark ? ({ '--ns-watermark': watermark.image } as CSSProperties) : undefined}
              />
              {watermark ? <span className="ns-sr-only">{watermark.text}</span> : null}
            </div>
          </div>
        </div>
        <aside className={panelOpen ? 'ns-reader-panel' : 'ns-reader-panel ns-reader-panel-closed'} aria-label={t('panel.label')}>
          <Tooltip title={t('toolbar.panel')} placement="left">
            <Button
              type="text"
              size="small"
              className="ns-reader-panel-toggle"
              icon={panelOpen ? <DoubleRightOutlined /> : <DoubleLeftOutlined />}
              aria-label={t('toolbar.panel')}
              aria-expanded={panelOpen}
              onClick={() => setPanelOpen((open) => !open)}
            />
          </Tooltip>
          <div ref={setPanelSlot} className="ns-reader-panel-slot" hidden={!panelOpen} />
        </aside>
      </div>
      {api ? <AnnotationsWorkspace api={api} /> : null}
    </div>
  );
}
