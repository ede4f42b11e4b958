import {
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  MinusOutlined,
  PlusOutlined,
  RotateLeftOutlined,
  RotateRightOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { Button, Divider, Input, Select, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZOOM_PRESETS } from './zoom.ts';

interface ReaderToolbarProps {
  pageIndex: number;
  pageCount: number;
  scale: number;
  scaleValue: string;
  sidebarOpen: boolean;
  pageLabel(pageIndex: number): string;
  /** The page for what the member typed (a label such as "iii" or a number), or null. */
  resolvePage(text: string): number | null;
  onToggleSidebar(): void;
  onGoToPage(pageIndex: number): void;
  onZoom(value: string): void;
  onZoomStep(direction: 1 | -1): void;
  onRotate(delta: 90 | -90): void;
  onFind(): void;
  /** Receives the element where the annotations workspace puts its tools. */
  onSlot(element: HTMLDivElement | null): void;
}

export function ReaderToolbar({
  pageIndex,
  pageCount,
  scale,
  scaleValue,
  sidebarOpen,
  pageLabel,
  resolvePage,
  onToggleSidebar,
  onGoToPage,
  onZoom,
  onZoomStep,
  onRotate,
  onFind,
  onSlot,
}: ReaderToolbarProps) {
  const { t } = useTranslation('reader');
  const label = pageLabel(pageIndex);
  // While the member types, the box holds their text; otherwise it follows the page in view.
  const [typed, setTyped] = useState<string | null>(null);
  const pageText = typed ?? label;

  const zoomOptions = [
    { value: 'page-width', label: t('toolbar.pageWidth') },
    { value: 'page-fit', label: t('toolbar.pageFit') },
    ...ZOOM_PRESETS.map((p) => ({ value: String(p / 100), label: t('toolbar.percent', { value: p }) })),
  ];
  const isPreset = zoomOptions.some((o) => o.value === scaleValue);
  const zoomSelectValue = isPreset ? scaleValue : 'custom';
  if (!isPreset) zoomOptions.push({ value: 'custom', label: t('toolbar.percent', { value: Math.round(scale * 100) }) });

  function go(): void {
    const target = resolvePage(pageText.trim());
    setTyped(null);
    if (target !== null) onGoToPage(target);
  }

  return (
    <div className="ns-reader-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <Tooltip title={t('toolbar.sidebar')}>
        <Button
          type="text"
          icon={sidebarOpen ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />}
          aria-label={t('toolbar.sidebar')}
          aria-pressed={sidebarOpen}
          onClick={onToggleSidebar}
        />
      </Tooltip>
      <Divider orientation="vertical" />
      <span className="ns-reader-page">
        <Typography.Text>{t('toolbar.page')}</Typography.Text>
        <Input
          size="small"
          className="ns-reader-page-input"
          value={pageText}
          aria-label={t('toolbar.pageInput')}
          onFocus={(e) => e.target.select()}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={() => setTyped(null)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              go();
            } else if (e.key === 'Escape') {
              setTyped(null);
              (e.target as HTMLInputElement).blur();
            }
          }}
        />
        <Typography.Text type="secondary" className="ns-reader-page-count" aria-hidden>
          {t('toolbar.pageOf', { count: pageCount })}
        </Typography.Text>
        <span className="ns-reader-sr-only" role="status">
          {t('toolbar.pageStatus', { label, count: pageCount })}
        </span>
      </span>
      <Divider orientation="vertical" />
      <Tooltip title={t('toolbar.zoomOut')}>
        <Button type="text" icon={<MinusOutlined />} aria-label={t('toolbar.zoomOut')} onClick={() => onZoomStep(-1)} />
      </Tooltip>
      <Select
        size="small"
        className="ns-reader-zoom"
        value={zoomSelectValue}
        options={zoomOptions}
        aria-label={t('toolbar.zoom')}
        popupMatchSelectWidth={false}
        onChange={(value) => {
          if (value !== 'custom') onZoom(value);
        }}
      />
      <Tooltip title={t('toolbar.zoomIn')}>
        <Button type="text" icon={<PlusOutlined />} aria-label={t('toolbar.zoomIn')} onClick={() => onZoomStep(1)} />
      </Tooltip>
      <Divider orientation="vertical" />
      <Tooltip title={t('toolbar.rotateLeft')}>
        <Button type="text" icon={<RotateLeftOutlined />} aria-label={t('toolbar.rotateLeft')} onClick={() => onRotate(-90)} />
      </Tooltip>
      <Tooltip title={t('toolbar.rotateRight')}>
        <Button type="text" icon={<RotateRightOutlined />} aria-label={t('toolbar.rotateRight')} onClick={() => onRotate(90)} />
      </Tooltip>
      <Divider orientation="vertical" />
      <Tooltip title={t('toolbar.find')}>
        <Button type="text" icon={<SearchOutlined />} aria-label={t('toolbar.find')} onClick={onFind} />
      </Tooltip>
      <div className="ns-reader-tool-slot" ref={onSlot} />
    </div>
  );
}
