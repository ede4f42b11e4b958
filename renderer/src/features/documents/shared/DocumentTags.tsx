import { FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Classification, DocumentKind, Urgency } from '../../../../../shared/contract/index.ts';

const CLASSIFICATION_COLORS: Record<Exclude<Classification, 'normal'>, string> = {
  confidential: 'orange',
  secret: 'volcano',
  top_secret: 'red',
};

const URGENCY_COLORS: Record<Exclude<Urgency, 'normal'>, string> = {
  urgent: 'gold',
  very_urgent: 'orange',
  flash: 'red',
};

/** Mật, Tối mật, Tuyệt mật as a coloured tag; nothing for an unclassified document. */
export function ClassificationTag({ value }: { value: Classification }) {
  const { t } = useTranslation('documents');
  if (value === 'normal') return null;
  return (
    <Tag color={CLASSIFICATION_COLORS[value]} variant="solid">
      {t(`classification.${value}`)}
    </Tag>
  );
}

/** Khẩn, Thượng khẩn, Hỏa tốc as a coloured tag; nothing for ordinary urgency. */
export function UrgencyTag({ value }: { value: Urgency }) {
  const { t } = useTranslation('documents');
  if (value === 'normal') return null;
  return <Tag color={URGENCY_COLORS[value]}>{t(`urgency.${value}`)}</Tag>;
}

/** A PDF (read in the app, searchable) or an attachment (opened with the system's program). */
export function KindIcon({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation('documents');
  const label = t(`kind.${kind}`);
  return (
    <Tooltip title={label}>
      <span role="img" aria-label={label} className={`ns-doc-kind ns-doc-kind-${kind}`}>
        {kind === 'pdf' ? <FilePdfOutlined aria-hidden /> : <PaperClipOutlined aria-hidden />}
      </span>
    </Tooltip>
  );
}
