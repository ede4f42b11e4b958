import { CloseOutlined, DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Input, Tooltip, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindState } from './useFind.ts';

interface FindBarProps {
  state: FindState;
  pageCount: number;
  /** Bumped each time Ctrl+F is pressed, to focus and select the field again. */
  focusSignal: number;
  onSearch(query: string): void;
  onMove(direction: 1 | -1): void;
  onClose(): void;
}

export function FindBar({ state, pageCount, focusSignal, onSearch, onMove, onClose }: FindBarProps) {
  const { t } = useTranslation('reader');
  const input = useRef<InputRef>(null);
  const [value, setValue] = useState(state.query);

  useEffect(() => {
    input.current?.focus({ cursor: 'all' });
  }, [focusSignal]);

  // Search as the member types, once they pause.
  useEffect(() => {
    if (value === state.query) return;
    const timer = setTimeout(() => onSearch(value), 200);
    return () => clearTimeout(timer);
  }, [value, state.query, onSearch]);

  const searching = !state.done;
  const status = !state.query.trim()
    ? ''
    : state.hits.length > 0
      ? t('find.counter', { current: state.current + 1, total: state.hits.length })
      : searching
        ? t('find.searching', { done: state.searched, count: pageCount })
        : t('find.notFound');

  return (
    <div className="ns-find-bar" role="search" aria-label={t('find.label')}>
      <Input
        ref={input}
        size="small"
        value={value}
        allowClear
        placeholder={t('find.placeholder')}
        aria-label={t('find.label')}
        className="ns-find-input"
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (value !== state.query) onSearch(value);
            else onMove(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <Typography.Text
        className={state.query.trim() && !searching && state.hits.length === 0 ? 'ns-find-status ns-find-none' : 'ns-find-status'}
        role="status"
        aria-live="polite"
      >
        {status}
      </Typography.Text>
      <Tooltip title={t('find.previous')}>
        <Button size="small" type="text" icon={<UpOutlined />} aria-label={t('find.previous')} disabled={state.hits.length === 0} onClick={() => onMove(-1)} />
      </Tooltip>
      <Tooltip title={t('find.next')}>
        <Button size="small" type="text" icon={<DownOutlined />} aria-label={t('find.next')} disabled={state.hits.length === 0} onClick={() => onMove(1)} />
      </Tooltip>
      <Tooltip title={t('find.close')}>
        <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t('find.close')} onClick={onClose} />
      </Tooltip>
    </div>
  );
}
