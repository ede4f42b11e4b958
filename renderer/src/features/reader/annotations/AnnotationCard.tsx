import { CloseOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Switch, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../../../shared/contract/annotations.ts';
import { formatDateTime } from '../../../../../shared/vn-time.ts';
import { useLang } from '../../../common/useLang.ts';
import { ColorSwatches } from './ColorSwatches.tsx';
import { KindIcon } from './KindIcon.tsx';
import type { AnnotationPatch } from './model/records.ts';

/**
 * The card beside a selected annotation: its comment (a sticky note's text), colour, the
 * "shared with the meeting" switch and delete. A member's imported note is shown read-only.
 */
export function AnnotationCard({
  annotation: a,
  onChange,
  onDelete,
  onClose,
}: {
  annotation: Annotation;
  onChange(patch: AnnotationPatch): void;
  onDelete(): void;
  onClose(): void;
}) {
  const { t } = useTranslation('annotations');
  const lang = useLang();
  const [text, setText] = useState(a.contents ?? '');
  const latest = useRef({ text, saved: a.contents ?? '', onChange });
  useLayoutEffect(() => {
    latest.current = { text, saved: a.contents ?? '', onChange };
  });

  // Whatever was typed is kept when the card closes, however it closes.
  useEffect(
    () => () => {
      const { text: typed, saved, onChange: change } = latest.current;
      if (typed !== saved) change({ contents: typed });
    },
    [],
  );

  const commit = () => {
    if (text !== (a.contents ?? '')) onChange({ contents: text });
  };

  return (
    <div className="ns-annot-card" role="dialog" aria-label={t('card.label', { kind: t(`kinds.${a.kind}`) })}>
      <Flex align="center" gap={8} className="ns-annot-card-head">
        <KindIcon kind={a.kind} color={a.color} />
        <Typography.Text strong>{t(`kinds.${a.kind}`)}</Typography.Text>
        <span className="ns-annot-card-spacer" />
        <Tooltip title={t('card.close')}>
          <Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('card.close')} onClick={onClose} />
        </Tooltip>
      </Flex>
      <Typography.Text type="secondary" className="ns-annot-card-meta">
        {a.authorName || t('me')} · {formatDateTime(a.updatedAt, lang)}
      </Typography.Text>
      {a.quotedText ? <blockquote className="ns-annot-quote">{a.quotedText}</blockquote> : null}
      {a.editable ? (
        <>
          {a.kind !== 'freetext' ? (
            <Input.TextArea
              className="ns-annot-card-text"
              value={text}
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={20_000}
              autoFocus={a.kind === 'note'}
              placeholder={a.kind === 'note' ? t('card.notePlaceholder') : t('card.commentPlaceholder')}
              aria-label={a.kind === 'note' ? t('card.noteLabel') : t('card.commentLabel')}
              onChange={(e) => setText(e.target.value)}
              onBlur={commit}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  commit();
                  onClose();
                }
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  commit();
                  onClose();
                }
              }}
            />
          ) : (
            <Typography.Paragraph type="secondary" className="ns-annot-card-hint">
              {t('card.freetextHint')}
            </Typography.Paragraph>
          )}
          <ColorSwatches value={a.color} onChange={(color) => onChange({ color })} />
          <Flex align="center" justify="space-between" gap={8} className="ns-annot-card-foot">
            <label className="ns-annot-share">
              <Switch size="small" checked={a.shared} onChange={(shared) => onChange({ shared })} aria-label={t('share.label')} />
              <span>{t('share.label')}</span>
            </label>
            <Button size="small" danger icon={<DeleteOutlined />} onClick={onDelete}>
              {t('actions.delete')}
            </Button>
          </Flex>
        </>
      ) : (
        <>
          {a.contents ? <Typography.Paragraph className="ns-annot-card-readonly">{a.contents}</Typography.Paragraph> : null}
          <Tag color="blue">{a.origin === 'shared-import' ? t('card.memberNote', { name: a.authorName }) : t('card.readOnly')}</Tag>
        </>
      )}
    </div>
  );
}
