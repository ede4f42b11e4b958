import { Alert, Checkbox, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecipientCandidates } from './useCommitteeRecipients.ts';

interface Props {
  candidates: RecipientCandidates;
  value?: string[];
  onChange?: (value: string[]) => void;
}

/**
 * Who is asked: the committee's members who are people, all ticked when the committee is chosen
 * (as the core's default), so the secretariat only unticks who is not to be asked this time.
 */
export function RecipientsField({ candidates, value, onChange }: Props) {
  const { t } = useTranslation('opinions');
  if (candidates.status === 'none') return <Typography.Text type="secondary">{t('form.recipientsChooseCommittee')}</Typography.Text>;
  if (candidates.status === 'loading') return <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  if (candidates.status === 'failed' || candidates.people.length === 0) return <Alert type="warning" showIcon title={t('form.recipientsNone')} />;
  return (
    <Checkbox.Group
      className="ns-opinion-recipients"
      value={value ?? []}
      onChange={(ids) => onChange?.(ids)}
      options={candidates.people.map((m) => ({
        value: m.personId!,
        label: m.personPosition ? `${m.name} — ${m.personPosition}` : m.name,
      }))}
    />
  );
}
