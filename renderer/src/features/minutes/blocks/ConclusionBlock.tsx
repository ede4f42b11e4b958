import { DatePicker, Flex, Input } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrganizationSelect } from '../../meetings/shared/directoryOptions.tsx';
import type { ConclusionFields } from '../nodes/ConclusionNode.tsx';
import { formatDeadline } from '../minutesFormat.ts';
import { UnitsSelect, useUnitNames } from './UnitsSelect.tsx';
import { useBlockFields } from './useBlockFields.ts';
import { useNearViewport } from './useNearViewport.ts';

/** A conclusion: its text, the lead unit (chủ trì), the coordinating units (phối hợp) and the deadline. */
export function ConclusionBlock({ nodeKey, fields }: { nodeKey: string; fields: ConclusionFields }) {
  const { t } = useTranslation('minutes');
  const { value, change, editable } = useBlockFields(nodeKey, fields);
  const names = useUnitNames();
  const [ref, near] = useNearViewport<HTMLDivElement>();

  if (!editable || !near) {
    const lead = value.leadUnitId ? names.get(value.leadUnitId) : null;
    const coordinating = value.coordinatingUnitIds.map((u) => names.get(u) ?? u);
    return (
      <div className="ns-minutes-conclusion-read" ref={ref}>
        <p>
          <strong>{t('conclusion.title')}:</strong> {value.text}
        </p>
        <p className="ns-minutes-conclusion-meta">
          {lead ? t('conclusion.leadIs', { unit: lead }) : null}
          {coordinating.length ? ` · ${t('conclusion.coordinatingAre', { units: coordinating.join(', ') })}` : null}
          {value.deadline ? ` · ${t('conclusion.deadlineIs', { date: formatDeadline(value.deadline) })}` : null}
        </p>
      </div>
    );
  }
  return (
    <div className="ns-minutes-block-body">
      <div className="ns-minutes-block-label">{t('conclusion.title')}</div>
      <Input.TextArea
        aria-label={t('conclusion.text')}
        placeholder={t('conclusion.textPlaceholder')}
        autoSize={{ minRows: 2 }}
        value={value.text}
        onChange={(e) => change({ text: e.target.value })}
      />
      <Flex gap="small" wrap className="ns-minutes-conclusion-fields">
        <OrganizationSelect
          aria-label={t('conclusion.lead')}
          placeholder={t('conclusion.leadPlaceholder')}
          className="ns-minutes-unit"
          value={value.leadUnitId}
          onChange={(leadUnitId) => change({ leadUnitId: leadUnitId ?? null })}
        />
        <UnitsSelect
          aria-label={t('conclusion.coordinating')}
          placeholder={t('conclusion.coordinatingPlaceholder')}
          className="ns-minutes-units"
          value={value.coordinatingUnitIds}
          onChange={(ids) => change({ coordinatingUnitIds: ids })}
        />
        <DatePicker
          aria-label={t('conclusion.deadline')}
          placeholder={t('conclusion.deadlinePlaceholder')}
          format="DD/MM/YYYY"
          value={value.deadline ? dayjs(value.deadline) : null}
          onChange={(d) => change({ deadline: d ? d.format('YYYY-MM-DD') : null })}
        />
      </Flex>
    </div>
  );
}
