import { AimOutlined, DeleteOutlined, ExclamationCircleOutlined, PushpinOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Select, Switch, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { annotationKinds, type Annotation, type AnnotationAuthor, type AnnotationKind } from '../../../../../shared/contract/annotations.ts';
import { annotationBounds } from '../../../../../shared/annotations/geometry.ts';
import { useLang } from '../../../common/useLang.ts';
import { formatDateTime } from '../../../../../shared/vn-time.ts';
import { KindIcon } from './KindIcon.tsx';
import type { AnnotationPatch } from './model/records.ts';
import { byPosition } from './model/records.ts';

interface PanelProps {
  annotations: readonly Annotation[];
  authors: readonly AnnotationAuthor[];
  status: 'loading' | 'ready' | 'failed';
  selectedId: string | null;
  currentPageIndex: number;
  pageLabel(pageIndex: number): string;
  onJump(a: Annotation): void;
  onChange(id: string, patch: AnnotationPatch): void;
  onDelete(id: string): void;
  onPlaceHere(a: Annotation): void;
  onReload(): void;
}

const authorKey = (a: { authorId: string | null; authorName: string }) => `${a.authorId ?? ''}|${a.authorName}`;

function excerpt(a: Annotation): string | null {
  const text = a.quotedText ?? a.contents;
  if (!text) return null;
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function Item({ a, props }: { a: Annotation; props: PanelProps }) {
  const { t } = useTranslation('annotations');
  const lang = useLang();
  const text = excerpt(a);
  const selected = props.selectedId === a.id;
  return (
    <li className={selected ? 'ns-annot-item ns-annot-item-selected' : 'ns-annot-item'} data-annotation-id={a.id} aria-current={selected ? 'true' : undefined}>
      <button type="button" className="ns-annot-item-main" onClick={() => props.onJump(a)} aria-label={t('panel.jumpTo', { kind: t(`kinds.${a.kind}`), page: props.pageLabel(a.pageIndex) })}>
        <KindIcon kind={a.kind} color={a.color} />
        <span className="ns-annot-item-body">
          <span className="ns-annot-item-kind">{t(`kinds.${a.kind}`)}</span>
          {text ? <span className={a.quotedText ? 'ns-annot-item-quote' : 'ns-annot-item-text'}>{text}</span> : null}
          {a.quotedText && a.contents ? <span className="ns-annot-item-text">{a.contents}</span> : null}
          <span className="ns-annot-item-meta">
            {a.authorName || t('me')} · {formatDateTime(a.updatedAt, lang)}
          </span>
        </span>
      </button>
      <Flex align="center" gap={6} className="ns-annot-item-actions">
        {a.editable ? (
          <label className="ns-annot-share ns-small">
            <Switch size="small" checked={a.shared} onChange={(shared) => props.onChange(a.id, { shared })} aria-label={t('share.itemLabel', { kind: t(`kinds.${a.kind}`) })} />
            <span>{t('share.label')}</span>
          </label>
        ) : (
          <Tag color="blue" className="ns-annot-readonly-tag">
            {a.origin === 'shared-import' ? t('panel.fromMember') : t('card.readOnly')}
          </Tag>
        )}
        <span className="ns-annot-card-spacer" />
        <Tooltip title={t('panel.jump')}>
          <Button size="small" type="text" icon={<AimOutlined />} aria-label={t('panel.jump')} onClick={() => props.onJump(a)} />
        </Tooltip>
        {a.editable ? (
          <Tooltip title={t('actions.delete')}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('actions.deleteItem', { kind: t(`kinds.${a.kind}`) })} onClick={() => props.onDelete(a.id)} />
          </Tooltip>
        ) : null}
      </Flex>
    </li>
  );
}

/** The notes of this document by page, with filters; carried notes that found no place first, to deal with. */
export function AnnotationsPanel(props: PanelProps) {
  const { t } = useTranslation('annotations');
  const [kinds, setKinds] = useState<AnnotationKind[]>([]);
  const [authors, setAuthors] = useState<string[]>([]);

  const unplaced = props.annotations.filter((a) => a.placement === 'unplaced');
  const placed = props.annotations.filter((a) => a.placement === 'placed');
  const visible = useMemo(() => {
    const list = placed.filter((a) => (kinds.length === 0 || kinds.includes(a.kind)) && (authors.length === 0 || authors.includes(authorKey(a))));
    return list
      .map((a) => {
        const b = annotationBounds(a.kind, a.geometry);
        return { a, pageIndex: a.pageIndex, top: b[3], left: b[0] };
      })
      .sort(byPosition)
      .map((x) => x.a);
  }, [placed, kinds, authors]);

  const pages: { pageIndex: number; items: Annotation[] }[] = [];
  for (const a of visible) {
    const last = pages[pages.length - 1];
    if (last && last.pageIndex === a.pageIndex) last.items.push(a);
    else pages.push({ pageIndex: a.pageIndex, items: [a] });
  }
  const filtered = kinds.length > 0 || authors.length > 0;

  return (
    <section className="ns-annot-panel" aria-label={t('panel.label')}>
      <Flex align="baseline" justify="space-between" className="ns-annot-panel-head">
        <Typography.Title level={2} className="ns-annot-panel-title">
          {t('panel.title')}
        </Typography.Title>
        <Typography.Text type="secondary" className="ns-small">
          {filtered ? t('panel.countFiltered', { shown: visible.length, count: placed.length }) : t('panel.count', { count: placed.length })}
        </Typography.Text>
      </Flex>
      <div className="ns-annot-filters">
        <Select
          mode="multiple"
          size="small"
          allowClear
          maxTagCount="responsive"
          placeholder={t('panel.filterKinds')}
          aria-label={t('panel.filterKinds')}
          value={kinds}
          onChange={setKinds}
          options={annotationKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <Select
          mode="multiple"
          size="small"
          allowClear
          maxTagCount="responsive"
          placeholder={t('panel.filterAuthors')}
          aria-label={t('panel.filterAuthors')}
          value={authors}
          onChange={setAuthors}
          options={props.authors.map((a) => ({
            value: authorKey(a),
            label: a.self ? t('panel.authorSelf', { name: a.authorName }) : t('panel.authorCount', { name: a.authorName, count: a.count }),
          }))}
        />
      </div>

      {unplaced.length > 0 ? (
        <div className="ns-annot-unplaced" role="region" aria-label={t('unplaced.title')}>
          <Typography.Title level={3} className="ns-annot-unplaced-title">
            <ExclamationCircleOutlined /> {t('unplaced.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="ns-small ns-tight">
            {t('unplaced.explain')}
          </Typography.Paragraph>
          <ul className="ns-plain-list">
            {unplaced.map((a) => (
              <li key={a.id} className="ns-annot-unplaced-item" data-annotation-id={a.id}>
                <Flex gap={8} align="flex-start">
                  <KindIcon kind={a.kind} color={a.color} />
                  <div className="ns-annot-item-body">
                    <span className="ns-annot-item-kind">
                      {t(`kinds.${a.kind}`)} · {t('unplaced.wasOnPage', { page: a.pageIndex + 1 })}
                    </span>
                    {excerpt(a) ? <span className="ns-annot-item-quote">{excerpt(a)}</span> : null}
                  </div>
                </Flex>
                {a.editable ? (
                  <Flex gap={8} className="ns-annot-unplaced-actions">
                    <Button size="small" type="primary" icon={<PushpinOutlined />} onClick={() => props.onPlaceHere(a)}>
                      {t('unplaced.placeHere', { page: props.pageLabel(props.currentPageIndex) })}
                    </Button>
                    <Button size="small" danger onClick={() => props.onDelete(a.id)}>
                      {t('actions.delete')}
                    </Button>
                  </Flex>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {props.status === 'failed' && props.annotations.length === 0 ? (
        <div className="ns-annot-empty">
          <Typography.Paragraph type="danger">{t('panel.loadFailed')}</Typography.Paragraph>
          <Button size="small" onClick={props.onReload}>
            {t('save.retry')}
          </Button>
        </div>
      ) : props.status === 'loading' ? (
        <Typography.Paragraph type="secondary" className="ns-annot-empty">
          {t('panel.loading')}
        </Typography.Paragraph>
      ) : placed.length === 0 ? (
        <Empty className="ns-annot-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span className="ns-annot-empty-text">{t('panel.empty')}</span>} />
      ) : visible.length === 0 ? (
        <Typography.Paragraph type="secondary" className="ns-annot-empty">
          {t('panel.noneMatch')}
        </Typography.Paragraph>
      ) : (
        <div className="ns-annot-pages">
          {pages.map((page) => (
            <section key={page.pageIndex} aria-label={t('panel.page', { page: props.pageLabel(page.pageIndex) })}>
              <Typography.Title level={3} className="ns-annot-page-title">
                {t('panel.page', { page: props.pageLabel(page.pageIndex) })}
              </Typography.Title>
              <ul className="ns-plain-list ns-annot-list">
                {page.items.map((a) => (
                  <Item key={a.id} a={a} props={props} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
