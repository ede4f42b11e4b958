import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { passRuleLabels } from '../../../../../shared/room/tally.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { CommitteeForm } from './CommitteeForm.tsx';
import { MembersEditor } from './MembersEditor.tsx';

/** One committee: its general data and the ordered member list with roles. */
export function CommitteeDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation('directory');
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const bridge = useBridge();
  const [editing, setEditing] = useState(false);
  const load = useCallback(() => bridge.invoke('committees.get', { id }), [bridge, id]);
  const { state, reload } = useCoreData(load, ['directory']);
  const committee = state.data;

  return (
    <section aria-label={committee?.name ?? t('tabs.committees')}>
      <Flex className="ns-dir-toolbar">
        <Link to="/directory/committees">
          <ArrowLeftOutlined /> {t('committees.back')}
        </Link>
      </Flex>
      {state.status === 'failed' ? <LoadFailedAlert ns="directory" error={state.error} onRetry={reload} /> : null}
      {!committee ? (
        state.status === 'loading' ? <Skeleton active /> : null
      ) : (
        <Flex vertical gap="middle">
          <Card
            title={
              <Typography.Title level={2} className="ns-dir-card-title">
                {committee.name}
              </Typography.Title>
            }
            extra={
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} aria-label={t('common.editNamed', { name: committee.name })}>
                {t('common.edit')}
              </Button>
            }
          >
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'short', label: t('committees.shortName'), children: committee.shortName ?? '—' },
                { key: 'quorum', label: t('committees.quorum'), children: `${committee.quorumPercent}%` },
                {
                  key: 'passRule',
                  label: t('committees.passRule'),
                  children: committee.tieToChair
                    ? t('committees.passRuleWithTie', { rule: passRuleLabels[committee.passRule][lang] })
                    : passRuleLabels[committee.passRule][lang],
                },
                { key: 'members', label: t('committees.members'), children: committee.members.length },
              ]}
            />
          </Card>
          <MembersEditor committee={committee} />
        </Flex>
      )}
      {editing && committee ? <CommitteeForm committee={committee} onClose={() => setEditing(false)} /> : null}
    </section>
  );
}
