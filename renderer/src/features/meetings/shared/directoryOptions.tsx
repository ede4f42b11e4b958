import { Select, type SelectProps } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { foldText, type Person } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreSearch } from '../../../common/useCoreSearch.ts';
import { useCoreData } from '../../../bridge/useCoreData.ts';

/** antd Select's filter: diacritics and đ ignored, as in the core's own search. */
export function foldedFilter(input: string, option?: { label?: unknown; search?: unknown }): boolean {
  return foldText(String(option?.search ?? option?.label ?? '')).includes(foldText(input));
}

export function useCommittees() {
  const bridge = useBridge();
  return useCoreData(useCallback(() => bridge.invoke('committees.list', {}), [bridge]), ['directory']).state;
}

export function useRooms() {
  const bridge = useBridge();
  return useCoreData(useCallback(() => bridge.invoke('rooms.list', {}), [bridge]), ['directory']).state;
}

export function useMeetingKinds() {
  const bridge = useBridge();
  return useCoreData(useCallback(() => bridge.invoke('catalogs.list', { catalog: 'meeting_kind' }), [bridge]), ['directory']).state;
}

export function useOrganizations() {
  const bridge = useBridge();
  return useCoreData(useCallback(() => bridge.invoke('organizations.list', {}), [bridge]), ['directory']).state;
}

export function personLabel(p: { fullName?: string; name?: string; position: string | null }): string {
  const name = p.fullName ?? p.name ?? '';
  return p.position ? `${name} — ${p.position}` : name;
}

type SingleSelectProps = Omit<SelectProps<string | null>, 'options' | 'mode'>;

/** Units of the directory, indented under their parent; typing without diacritics finds them. */
export function OrganizationSelect(props: SingleSelectProps) {
  const { t } = useTranslation('meetings');
  const state = useOrganizations();
  const options = useMemo(
    () =>
      (state.data ?? []).map((o) => ({
        value: o.id,
        label: o.shortName ? `${o.name} (${o.shortName})` : o.name,
        search: `${o.name} ${o.shortName ?? ''} ${o.organCode ?? ''}`,
        depth: o.depth,
      })),
    [state.data],
  );
  return (
    <Select<string | null>
      showSearch={{ filterOption: foldedFilter }}
      allowClear
      placeholder={t('common.chooseUnit')}
      loading={state.status === 'loading'}
      notFoundContent={t('common.noUnits')}
      optionRender={(option) => (
        <span style={{ paddingInlineStart: Number(option.data.depth ?? 0) * 14 }}>{option.label}</span>
      )}
      {...props}
      options={options}
    />
  );
}

interface PersonSelectProps extends SingleSelectProps {
  /** How to show the current value before the search list has loaded it. */
  initial?: { id: string; label: string } | null;
}

/**
 * People of the directory, searched in the core as the user types (a province has thousands of
 * officials; only the matches travel).
 */
export function PersonSelect({ initial, ...props }: PersonSelectProps) {
  const { t } = useTranslation('meetings');
  const bridge = useBridge();
  const search = useCallback(
    (query: string) => bridge.invoke('people.list', { query: query || undefined, limit: 50 }).then((page) => page.items),
    [bridge],
  );
  const { setQuery, found: people, loading } = useCoreSearch<Person>(search);

  const options = useMemo(() => {
    const list = people.map((p) => ({
      value: p.id,
      label: personLabel(p),
      title: p.organizationName ?? undefined,
    }));
    if (initial && !list.some((o) => o.value === initial.id)) list.unshift({ value: initial.id, label: initial.label, title: undefined });
    return list;
  }, [people, initial]);

  return (
    <Select<string | null>
      showSearch={{ filterOption: false, onSearch: (value) => setQuery(value.trim()) }}
      allowClear
      placeholder={t('common.choosePerson')}
      loading={loading}
      notFoundContent={loading ? t('common.loading') : t('common.noPeople')}
      onBlur={() => setQuery('')}
      {...props}
      options={options}
    />
  );
}
