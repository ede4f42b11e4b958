import { ClearOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Input, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskBucketFilter, TaskStatus } from '../../../../../shared/contract/index.ts';
import { OrganizationSelect } from '../../meetings/shared/directoryOptions.tsx';
import { BUCKET_FILTERS, TASK_STATUSES } from '../shared/taskLabels.ts';
import { hasFilters, type TasksParams } from './listParams.ts';

interface Props {
  params: TasksParams;
  /** The title of the meeting the list is narrowed to, when it is. */
  meetingTitle: string | null;
  onChange: (patch: Partial<TasksParams>) => void;
}

/** Lead unit, bucket, status, keyword; the meeting and tag filters arrive by link and are shown as removable tags. */
export function TaskFilters({ params, meetingTitle, onChange }: Props) {
  const { t } = useTranslation('tasks');
  const [query, setQuery] = useState(params.query);

  // Follow the address when it changes from outside (Back, a number clicked, "clear filters").
  const [shownQuery, setShownQuery] = useState(params.query);
  if (shownQuery !== params.query) {
    setShownQuery(params.query);
    setQuery(params.query);
  }

  // Search as the user types, once they pause.
  useEffect(() => {
    if (query.trim() === params.query) return;
    const timer = window.setTimeout(() => onChange({ query: query.trim(), page: 1 }), 350);
    return () => window.clearTimeout(timer);
  }, [query, params.query, onChange]);

  return (
    <div role="search" className="ns-task-filters" aria-label={t('filters.label')}>
      <OrganizationSelect
        aria-label={t('filters.unit')}
        placeholder={t('filters.unitPlaceholder')}
        className="ns-task-filter-unit"
        value={params.unitId}
        onChange={(unitId) => onChange({ unitId: unitId ?? null, page: 1 })}
      />
      <Select<TaskBucketFilter | null>
        aria-label={t('filters.bucket')}
        placeholder={t('filters.bucketPlaceholder')}
        className="ns-task-filter-select"
        allowClear
        value={params.bucket}
        onChange={(bucket) => onChange({ bucket: bucket ?? null, page: 1 })}
        options={BUCKET_FILTERS.map((b) => ({ value: b, label: t(`bucket.${b}`) }))}
      />
      <Select<TaskStatus | null>
        aria-label={t('filters.status')}
        placeholder={t('filters.statusPlaceholder')}
        className="ns-task-filter-select"
        allowClear
        value={params.status}
        onChange={(status) => onChange({ status: status ?? null, page: 1 })}
        options={TASK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <Input.Search
        aria-label={t('filters.keyword')}
        placeholder={t('filters.keywordPlaceholder')}
        className="ns-task-filter-keyword"
        allowClear
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onSearch={(value) => onChange({ query: value.trim(), page: 1 })}
      />
      {params.meetingId ? (
        <Tag
          closable
          closeIcon={<CloseOutlined aria-label={t('filters.removeMeeting')} />}
          onClose={() => onChange({ meetingId: null, page: 1 })}
          className="ns-task-filter-tag"
        >
          {t('filters.meeting', { title: meetingTitle ?? '…' })}
        </Tag>
      ) : null}
      {params.tag ? (
        <Tag
          closable
          closeIcon={<CloseOutlined aria-label={t('filters.removeTag')} />}
          onClose={() => onChange({ tag: null, page: 1 })}
          className="ns-task-filter-tag"
        >
          {t('filters.tag', { tag: params.tag })}
        </Tag>
      ) : null}
      {hasFilters(params) ? (
        <Button
          icon={<ClearOutlined />}
          onClick={() => onChange({ unitId: null, bucket: null, status: null, meetingId: null, tag: null, query: '', page: 1 })}
        >
          {t('filters.clear')}
        </Button>
      ) : null}
    </div>
  );
}
