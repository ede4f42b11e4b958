import { Select, type SelectProps } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreSearch } from '../../../common/useCoreSearch.ts';
import { dmy } from './taskLabels.ts';

/** "Số 125/TB-BCĐ ngày 05/01/2026 — trích yếu", or the file's name when the metadata is missing. */
export function documentLabel(d: DocumentSummary): string {
  const ref = d.number ? `${d.number}${d.notation ? `/${d.notation}` : ''}` : null;
  const head = [ref ? `Số ${ref}` : null, d.issueDate ? dmy(d.issueDate) : null].filter(Boolean).join(', ');
  const body = d.summary ?? d.fileName;
  return head ? `${head} — ${body}` : body;
}

/**
 * The documents of the store matching what the user types, searched in the core once they pause,
 * and every document seen so far (a chosen one keeps its label when a new search no longer lists it).
 */
function useDocumentSearch(preset: readonly DocumentSummary[]) {
  const bridge = useBridge();
  const search = useCallback(async (query: string) => (await bridge.invoke('documents.list', { ...(query ? { query } : {}), limit: 30 })).items, [bridge]);
  const { setQuery, found, known, loading } = useCoreSearch(search, preset);

  /** The options: what the search found, with the chosen ones it no longer lists on top. */
  const optionsFor = useMemo(
    () => (selected: readonly string[]) => {
      const list = found.map((d) => ({ value: d.id, label: documentLabel(d) }));
      for (const id of selected) {
        const doc = known.get(id);
        if (doc && !list.some((o) => o.value === id)) list.unshift({ value: id, label: documentLabel(doc) });
      }
      return list;
    },
    [found, known],
  );

  return { setQuery, loading, known, optionsFor };
}

/** Documents of the store as evidence (tài liệu kèm theo), searched in the core as the user types. */
export function DocumentsSelect(props: Omit<SelectProps<string[]>, 'options' | 'mode'>) {
  const { t } = useTranslation('tasks');
  const { setQuery, loading, optionsFor } = useDocumentSearch([]);
  const value = props.value;
  const options = useMemo(() => optionsFor(value ?? []), [optionsFor, value]);

  return (
    <Select<string[]>
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: (value) => setQuery(value.trim()) }}
      allowClear
      placeholder={t('actions.documentsPlaceholder')}
      loading={loading}
      notFoundContent={loading ? t('common.loading') : t('actions.noDocuments')}
      onBlur={() => setQuery('')}
      {...props}
      options={options}
    />
  );
}

interface DocumentSelectProps extends Omit<SelectProps<string | null>, 'options' | 'mode' | 'onChange'> {
  /** Documents the caller has already (the one a task is given from): labelled before any search. */
  preset?: readonly DocumentSummary[];
  onChange?: (value: string | null) => void;
  /** The document chosen, or null when cleared. */
  onDocument?: (doc: DocumentSummary | null) => void;
}

/** One document of the store (the văn bản chỉ đạo a task is given from), searched in the core as the user types. */
export function DocumentSelect({ preset = [], onChange, onDocument, ...props }: DocumentSelectProps) {
  const { t } = useTranslation('tasks');
  const { setQuery, loading, known, optionsFor } = useDocumentSearch(preset);
  const value = props.value;
  const options = useMemo(() => optionsFor(value ? [value] : []), [optionsFor, value]);

  return (
    <Select<string | null>
      showSearch={{ filterOption: false, onSearch: (value) => setQuery(value.trim()) }}
      allowClear
      placeholder={t('form.documentPlaceholder')}
      loading={loading}
      notFoundContent={loading ? t('common.loading') : t('actions.noDocuments')}
      onBlur={() => setQuery('')}
      {...props}
      onChange={(id) => {
        const chosen = id ?? null;
        onChange?.(chosen);
        onDocument?.(chosen ? (known.get(chosen) ?? null) : null);
      }}
      options={options}
    />
  );
}
