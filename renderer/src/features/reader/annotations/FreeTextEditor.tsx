import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CssBox } from './geometryView.ts';

/**
 * Typing into a text box, in place on the page. Leaving the box (click elsewhere, Tab) or
 * Ctrl+Enter keeps the text; Esc drops what was typed since it opened.
 */
export function FreeTextEditor({
  box,
  fontSizePx,
  initial,
  onCommit,
  onCancel,
}: {
  box: CssBox;
  fontSizePx: number;
  initial: string;
  onCommit(text: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('annotations');
  const [text, setText] = useState(initial);
  const done = useRef(false);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    field.current?.focus({ preventScroll: true });
  }, []);

  const finish = (keep: boolean) => {
    if (done.current) return;
    done.current = true;
    if (keep) onCommit(text);
    else onCancel();
  };

  return (
    <textarea
      ref={field}
      className="ns-annot-editor ns-annot-freetext-editor"
      style={{ left: box.left, top: box.top, width: Math.max(box.width, 60), height: Math.max(box.height, fontSizePx * 1.6), fontSize: fontSizePx }}
      value={text}
      aria-label={t('freetext.label')}
      placeholder={t('freetext.placeholder')}
      maxLength={20_000}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          finish(false);
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          finish(true);
        }
      }}
    />
  );
}
