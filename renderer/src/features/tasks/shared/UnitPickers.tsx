import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { foldedFilter, useOrganizations } from '../../meetings/shared/directoryOptions.tsx';

interface CoordinatingProps extends Omit<SelectProps<string[]>, 'options' | 'mode'> {
  /** The lead unit: a unit does not coordinate the task it leads. */
  exclude?: string | null;
}

/** Đơn vị phối hợp: several units of the directory, the lead unit left out. */
export function CoordinatingUnitsSelect({ exclude, ...props }: CoordinatingProps) {
  const { t } = useTranslation('tasks');
  const state = useOrganizations();
  const options = useMemo(
    () =>
      (state.data ?? [])
        .filter((o) => o.id !== exclude)
        .map((o) => ({
          value: o.id,
          label: o.shortName ? `${o.name} (${o.shortName})` : o.name,
          search: `${o.name} ${o.shortName ?? ''} ${o.organCode ?? ''}`,
        })),
    [state.data, exclude],
  );
  return (
    <Select<string[]>
      mode="multiple"
      showSearch={{ filterOption: foldedFilter }}
      allowClear
      placeholder={t('form.coordinatingPlaceholder')}
      loading={state.status === 'loading'}
      notFoundContent={t('form.noUnits')}
      {...props}
      options={options}
    />
  );
}
