import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeetingRevision } from '../../../../../shared/contract/index.ts';
import { edition } from '../../../../../shared/edition.ts';
import { useLang } from '../../../common/useLang.ts';
import { formatDateTime } from '../../../../../shared/vn-time.ts';

/** "Thay đổi kể từ khi phát hành": each revision, newest first, with who made it and what changed. */
export function ChangesList({ revisions }: { revisions: readonly MeetingRevision[] }) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  if (revisions.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('changes.none')} />;
  }
  return (
    <>
      <Typography.Paragraph type="secondary">{t('changes.intro')}</Typography.Paragraph>
      <ol className="ns-revisions">
        {revisions.map((r) => (
          <li key={r.id} className="ns-revision">
            <Typography.Text strong>{t('changes.revision', { revision: edition(r.revision) })}</Typography.Text>
            <Typography.Text type="secondary">
              {' · '}
              {formatDateTime(r.at, lang)}
              {r.byName ? ` · ${r.byName}` : ''}
            </Typography.Text>
            <ul className="ns-plain-list ns-change-list">
              {r.changes.map((c, i) => (
                <li key={i}>{c.text[lang]}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
