import { ClearOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingStatus, meetingStatusLabels, type MeetingStatus } from '../../../../../shared/contract/index.ts';
import { OrganizationSelect } from '../shared/directoryOptions.tsx';
import { useLang } from '../../../common/useLang.ts';
import { hasFilters, type MeetingsParams } from './listParams.ts';

interface MeetingFiltersProps {
  params: MeetingsParams;
  onChange: (patch: Partial<MeetingsParams>) => void;
}

/** Time range (list only: the calendars page by month and week), status, chairing unit, keyword. */
export function MeetingFilters({ params, onChange }: MeetingFiltersProps) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  const [query, setQuery] = useState(params.query);

  // Follow the address when it changes from outside (Back, "clear filters").
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
    <div role="search" className="ns-meeting-filters" aria-label={t('filters.label')}>
      {params.view === 'list' ? (
        <DatePicker.RangePicker
          aria-label={t('filters.range')}
          format="DD/MM/YYYY"
          placeholder={[t('filters.from'), t('filters.to')]}
          allowEmpty={[true, true]}
          value={[params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null]}
          onChange={(range) =>
            onChange({
              from: range?.[0]?.format('YYYY-MM-DD') ?? null,
              to: range?.[1]?.format('YYYY-MM-DD') ?? null,
              page: 1,
            })
          }
        />
      ) : null}
      <Select<MeetingStatus[]>
        mode="multiple"
        aria-label={t('filters.status')}
        placeholder={t('filters.statusPlaceholder')}
        className="ns-filter-status"
        maxTagCount="responsive"
        allowClear
        value={params.statuses}
        onChange={(statuses) => onChange({ statuses, page: 1 })}
        options={meetingStatus.options.map((s) => ({ value: s, label: meetingStatusLabels[s][lang] }))}
      />
      <OrganizationSelect
        aria-label={t('filters.chairingOrg')}
        placeholder={t('filters.chairingOrgPlaceholder')}
        className="ns-filter-org"
        value={params.orgId}
        onChange={(orgId) => onChange({ orgId: orgId ?? null, page: 1 })}
      />
      <Input.Search
        aria-label={t('filters.keyword')}
        placeholder={t('filters.keywordPlaceholder')}
        className="ns-filter-keyword"
        allowClear
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onSearch={(value) => onChange({ query: value.trim(), page: 1 })}
      />
      {hasFilters(params) ? (
        <Button
          icon={<ClearOutlined />}
          onClick={() => onChange({ statuses: [], orgId: null, query: '', from: null, to: null, page: 1 })}
        >
          {t('filters.clear')}
        </Button>
      ) : null}
    </div>
  );
}
