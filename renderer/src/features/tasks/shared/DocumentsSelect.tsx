import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { dmy } from './taskLabels.ts';

/** "Số 125/TB-BCĐ ngày 05/01/2026 — trích yếu", or the file's name when the metadata is missing. */
export function documentLabel(d: DocumentSummary): string {
  const ref = d.number ? `${d.number}${d.notation ? `/${d.notation}` : ''}` : null;
  const head = [ref ? `Số ${ref}` : null, d.issueDate ? dmy(d.issueDate) : null].filter(Boolean).join(', ');
  const body = d.summary ?? d.fileName;
  return head ? `${head} — ${body}` : body;
}

/** Documents of the store as evidence (tài liệu kèm theo), searched in the core as the user types. */
export function DocumentsSelect(props: Omit<SelectProps<string[]>, 'options' | 'mode'>) {
  const { t } = useTranslation('tasks');
  const bridge = useBridge();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<DocumentSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  /** Every document shown once, so a chosen one keeps its label when a new search no longer lists it. */
  const [known, setKnown] = useState<Map<string, DocumentSummary>>(() => new Map());

  useEffect(() => {
    const ticket = ++latest.current;
    const timer = window.setTimeout(
      () => {
        bridge.invoke('documents.list', { ...(query ? { query } : {}), limit: 30 }).then(
          (page) => {
            if (ticket !== latest.current) return;
            setFound(page.items);
            setKnown((before) => new Map([...before, ...page.items.map((d) => [d.id, d] as const)]));
            setLoading(false);
          },
          () => {
            if (ticket === latest.current) setLoading(false);
          },
        );
      },
      query ? 250 : 0,
    );
    return () => window.clearTimeout(timer);
  }, [bridge, query]);

  const value = props.value;
  const options = useMemo(() => {
    const selected = value ?? [];
    const list = found.map((d) => ({ value: d.id, label: documentLabel(d) }));
    for (const id of selected) {
      const doc = known.get(id);
      if (doc && !list.some((o) => o.value === id)) list.unshift({ value: id, label: documentLabel(doc) });
    }
    return list;
  }, [found, known, value]);

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
