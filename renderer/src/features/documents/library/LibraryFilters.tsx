import { ClearOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classification, documentKind, urgency } from '../../../../../shared/contract/index.ts';
import { useDocumentTypes } from '../shared/useDocumentTypes.ts';
import { hasFilters, type LibraryQuery } from './libraryQuery.ts';

interface LibraryFiltersProps {
  value: LibraryQuery;
  onChange(next: Partial<LibraryQuery>): void;
  onClear(): void;
}

const DATE_FORMAT = 'DD/MM/YYYY';

export function LibraryFilters({ value, onChange, onClear }: LibraryFiltersProps) {
  const { t } = useTranslation('documents');
  const types = useDocumentTypes();
  // The box keeps what is being typed; the list follows on Enter, or a moment after typing stops.
  const [text, setText] = useState(value.query);
  const [shownFor, setShownFor] = useState(value.query);
  // The address changed under the box (Back, "clear filters"): show what the list is filtered by.
  if (shownFor.trim() !== value.query.trim()) {
    setShownFor(value.query);
    setText(value.query);
  }
  const send = useCallback(
    (query: string) => {
      // Remembered first, so the address catching up does not reset what is being typed.
      setShownFor(query);
      onChange({ query });
    },
    [onChange],
  );
  useEffect(() => {
    if (text.trim() === value.query.trim()) return;
    const timer = setTimeout(() => send(text), 400);
    return () => clearTimeout(timer);
  }, [text, value.query, send]);

  return (
    <Flex wrap gap="small" className="ns-doc-filters" role="search" aria-label={t('filters.label')}>
      <Input.Search
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={send}
        allowClear
        maxLength={200}
        placeholder={t('filters.queryPlaceholder')}
        aria-label={t('filters.query')}
        className="ns-doc-filter-query"
      />
      <Select
        allowClear
        aria-label={t('filters.type')}
        placeholder={t('filters.type')}
        value={value.typeCode ?? undefined}
        onChange={(v: string | undefined) => onChange({ typeCode: v ?? null })}
        options={types.map((item) => ({ value: item.code, label: item.label }))}
        className="ns-doc-filter-select"
        showSearch={{ optionFilterProp: 'label' }}
      />
      <Select
        allowClear
        aria-label={t('filters.classification')}
        placeholder={t('filters.classification')}
        value={value.classification ?? undefined}
        onChange={(v) => onChange({ classification: v ?? null })}
        options={classification.options.map((c) => ({ value: c, label: t(`classification.${c}`) }))}
        className="ns-doc-filter-select"
      />
      <Select
        allowClear
        aria-label={t('filters.urgency')}
        placeholder={t('filters.urgency')}
        value={value.urgency ?? undefined}
        onChange={(v) => onChange({ urgency: v ?? null })}
        options={urgency.options.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
        className="ns-doc-filter-select"
      />
      <Select
        allowClear
        aria-label={t('filters.kind')}
        placeholder={t('filters.kind')}
        value={value.kind ?? undefined}
        onChange={(v) => onChange({ kind: v ?? null })}
        options={documentKind.options.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        className="ns-doc-filter-select"
      />
      <DatePicker.RangePicker
        format={DATE_FORMAT}
        allowEmpty={[true, true]}
        aria-label={t('filters.issued')}
        placeholder={[t('filters.issuedFrom'), t('filters.issuedTo')]}
        value={[value.issuedFrom ? dayjs(value.issuedFrom) : null, value.issuedTo ? dayjs(value.issuedTo) : null]}
        onChange={(range) =>
          onChange({
            issuedFrom: range?.[0] ? range[0].format('YYYY-MM-DD') : null,
            issuedTo: range?.[1] ? range[1].format('YYYY-MM-DD') : null,
          })
        }
        className="ns-doc-filter-dates"
      />
      <Select
        aria-label={t('filters.sort')}
        value={value.sort}
        onChange={(v) => onChange({ sort: v })}
        options={[
          { value: 'createdAt', label: t('filters.sortCreated') },
          { value: 'issueDate', label: t('filters.sortIssued') },
        ]}
        className="ns-doc-filter-sort"
      />
      {hasFilters(value) ? (
        <Button icon={<ClearOutlined />} onClick={onClear}>
          {t('filters.clear')}
        </Button>
      ) : null}
    </Flex>
  );
}
