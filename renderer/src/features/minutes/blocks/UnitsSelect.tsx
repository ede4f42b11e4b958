import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { foldedFilter, useOrganizations } from '../../meetings/shared/directoryOptions.tsx';

/** Several units of the directory (the coordinating units of a conclusion). */
export function UnitsSelect(props: Omit<SelectProps<string[]>, 'options' | 'mode'>) {
  const { t } = useTranslation('meetings');
  const state = useOrganizations();
  const options = useMemo(
    () => (state.data ?? []).map((o) => ({ value: o.id, label: o.shortName ? `${o.name} (${o.shortName})` : o.name, search: `${o.name} ${o.shortName ?? ''}` })),
    [state.data],
  );
  return (
    <Select<string[]>
      mode="multiple"
      showSearch={{ filterOption: foldedFilter }}
      allowClear
      placeholder={t('common.chooseUnit')}
      loading={state.status === 'loading'}
      notFoundContent={t('common.noUnits')}
      {...props}
      options={options}
    />
  );
}

/** A unit's name by its id, from the directory, for read-only display. */
export function useUnitNames(): Map<string, string> {
  const state = useOrganizations();
  return useMemo(() => new Map((state.data ?? []).map((o) => [o.id, o.name])), [state.data]);
}
