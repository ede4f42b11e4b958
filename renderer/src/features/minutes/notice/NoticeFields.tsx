import { Card, Form, Input, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeRecipient } from '../../../../../shared/contract/index.ts';
import { foldedFilter, useOrganizations } from '../../meetings/shared/directoryOptions.tsx';

export interface NoticeMeta {
  number: string | null;
  recipients: NoticeRecipient[];
  signerTitles: string[];
  signerName: string | null;
}

export const NUMBER = /^\d{1,6}[a-zA-Z]?$/;

type SignForm = 'tm' | 'kt' | 'tl' | 'custom';

/** The signing forms of Điều 13, Nghị định 30/2020, as the lines they print over the signature. */
function presets(committeeName: string): Record<Exclude<SignForm, 'custom'>, string[]> {
  const authority = /^ban chỉ đạo/iu.test(committeeName.trim()) ? 'BAN CHỈ ĐẠO' : committeeName.trim().toLocaleUpperCase('vi');
  return { tm: [`TM. ${authority}`, 'TRƯỞNG BAN'], kt: ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'], tl: ['TL. TRƯỞNG BAN', 'CHÁNH VĂN PHÒNG'] };
}

/** Number, Nơi nhận (units of the directory or lines typed) and signer of the notice, beside its text. */
export function NoticeFields({ meta, committeeName, editable, onChange }: { meta: NoticeMeta; committeeName: string; editable: boolean; onChange: (next: NoticeMeta) => void }) {
  const { t } = useTranslation('minutes');
  const units = useOrganizations();
  const forms = useMemo(() => presets(committeeName), [committeeName]);
  const form: SignForm = (Object.keys(forms) as (keyof typeof forms)[]).find((k) => forms[k].join('\n') === meta.signerTitles.join('\n')) ?? 'custom';
  const names = useMemo(() => new Map((units.data ?? []).map((o) => [o.id, o.name])), [units.data]);
  const options = useMemo(() => {
    const list = (units.data ?? []).map((o) => ({ value: o.id, label: o.name, search: `${o.name} ${o.shortName ?? ''}` }));
    // A unit picked before and gone from the directory since still shows by the name it had.
    for (const r of meta.recipients) if (r.unitId && !names.has(r.unitId)) list.push({ value: r.unitId, label: r.text, search: r.text });
    return list;
  }, [units.data, names, meta.recipients]);
  const numberBad = meta.number !== null && !NUMBER.test(meta.number);

  const set = (change: Partial<NoticeMeta>) => onChange({ ...meta, ...change });
  const recipientValues = meta.recipients.map((r) => r.unitId ?? r.text);
  const toRecipients = (values: string[]): NoticeRecipient[] =>
    values
      .map((v) => v.trim())
      .filter(Boolean)
      .map((v) => {
        const known = options.find((o) => o.value === v);
        return known ? { unitId: v, text: known.label } : { unitId: null, text: v.slice(0, 300) };
      });

  return (
    <Card size="small" title={t('notice.fields.title')} className="ns-minutes-panel ns-notice-fields">
      <Form layout="vertical" requiredMark={false} disabled={!editable}>
        <Form.Item
          label={t('notice.fields.number')}
          extra={t('notice.fields.numberHelp')}
          validateStatus={numberBad ? 'error' : undefined}
          help={numberBad ? t('notice.fields.numberInvalid') : undefined}
        >
          <Space.Compact>
            <Input
              aria-label={t('notice.fields.number')}
              value={meta.number ?? ''}
              maxLength={7}
              inputMode="numeric"
              style={{ width: 90 }}
              onChange={(e) => set({ number: e.target.value.trim() ? e.target.value.trim() : null })}
            />
            <Space.Addon>/TB-BCĐ</Space.Addon>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('notice.fields.recipients')} extra={t('notice.fields.recipientsHelp')}>
          <Select<string[]>
            mode="tags"
            aria-label={t('notice.fields.recipients')}
            value={recipientValues}
            options={options}
            showSearch={{ filterOption: foldedFilter }}
            loading={units.status === 'loading'}
            placeholder={t('notice.fields.recipientsPlaceholder')}
            maxCount={60}
            onChange={(values) => set({ recipients: toRecipients(values) })}
          />
        </Form.Item>
        <Form.Item label={t('notice.fields.signForm')}>
          <Select<SignForm>
            aria-label={t('notice.fields.signForm')}
            value={form}
            onChange={(v) => {
              if (v !== 'custom') set({ signerTitles: forms[v] });
            }}
            options={(['tm', 'kt', 'tl', 'custom'] as const).map((v) => ({ value: v, label: t(`notice.fields.forms.${v}`), disabled: v === 'custom' }))}
          />
        </Form.Item>
        <Form.Item
          label={t('notice.fields.titles')}
          extra={t('notice.fields.titlesHelp')}
          validateStatus={meta.signerTitles.length === 0 ? 'error' : undefined}
          help={meta.signerTitles.length === 0 ? t('notice.fields.titlesRequired') : undefined}
        >
          <TitlesInput label={t('notice.fields.titles')} titles={meta.signerTitles} onChange={(signerTitles) => set({ signerTitles })} />
        </Form.Item>
        <Form.Item label={t('notice.fields.signerName')}>
          <Input aria-label={t('notice.fields.signerName')} value={meta.signerName ?? ''} maxLength={200} onChange={(e) => set({ signerName: e.target.value.trim() ? e.target.value : null })} />
        </Form.Item>
      </Form>
    </Card>
  );
}

const parseTitles = (raw: string) =>
  raw
    .split('\n')
    .map((l) => l.trim().slice(0, 120))
    .filter(Boolean)
    .slice(0, 3);

/** The title lines as typed: the text keeps its blank line while a second line is being started. */
function TitlesInput({ label, titles, onChange }: { label: string; titles: string[]; onChange: (titles: string[]) => void }) {
  const [raw, setRaw] = useState(titles.join('\n'));
  // A preset chosen above replaces what was typed.
  const shown = parseTitles(raw).join('\n') === titles.join('\n') ? raw : titles.join('\n');
  return (
    <Input.TextArea
      aria-label={label}
      autoSize={{ minRows: 2, maxRows: 3 }}
      value={shown}
      onChange={(e) => {
        const lines = e.target.value.split('\n').slice(0, 3).join('\n');
        setRaw(lines);
        onChange(parseTitles(lines));
      }}
    />
  );
}
