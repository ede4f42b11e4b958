import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, MeetingPersonRef } from '../../../../../shared/contract/index.ts';
import { MeetingPlace } from '../list/MeetingPlace.tsx';
import { useLang } from '../../../common/useLang.ts';
import { formatRange } from '../../../../../shared/vn-time.ts';

function Person({ person }: { person: MeetingPersonRef | null }) {
  if (!person) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <>
      {person.name}
      {person.position ? <Typography.Text type="secondary">, {person.position}</Typography.Text> : null}
    </>
  );
}

/** When, where, who chairs: what an invitation says, at a glance. */
export function MeetingFacts({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      className="ns-meeting-facts"
      items={[
        { key: 'when', label: t('detail.when'), children: formatRange(meeting.startsAt, meeting.endsAt, lang), span: 2 },
        {
          key: 'where',
          label: t('detail.where'),
          span: 2,
          children: (
            <div>
              <MeetingPlace meeting={meeting} />
              {meeting.online && meeting.bridgePoints.length > 0 ? (
                <div className="ns-bridge-points">
                  <Typography.Text type="secondary">{t('detail.bridgePoints', { count: meeting.bridgePoints.length })}: </Typography.Text>
                  {meeting.bridgePoints.map((b) => (b.location ? `${b.name} (${b.location})` : b.name)).join('; ')}
                </div>
              ) : null}
            </div>
          ),
        },
        { key: 'chair', label: t('detail.chair'), children: <Person person={meeting.chair} /> },
        { key: 'secretary', label: t('detail.secretary'), children: <Person person={meeting.secretary} /> },
        { key: 'committee', label: t('detail.committee'), children: meeting.committee.name },
        {
          key: 'chairingOrg',
          label: t('detail.chairingOrg'),
          children: meeting.chairingOrg?.name ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
        ...(meeting.description
          ? [{ key: 'description', label: t('detail.description'), span: 2, children: <span className="ns-prewrap">{meeting.description}</span> }]
          : []),
      ]}
    />
  );
}
