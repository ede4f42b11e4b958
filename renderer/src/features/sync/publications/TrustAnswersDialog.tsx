import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Form, Modal, Select, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPublication } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import '../sync.css';

interface Props {
  publication: SyncPublication;
  busy: boolean;
  onCancel: () => void;
  onTrust: (personId: string) => void;
}

/**
 * Answers received through the hub, signed with a key this laptop does not hold as anyone's yet:
 * the secretariat reads the fingerprint out with the member, then says whose key it is among the
 * people the request asked (those who have not answered first). Nothing is trusted before OK.
 */
export function TrustAnswersDialog({ publication, busy, onCancel, onTrust }: Props) {
  const { t } = useTranslation('sync');
  const bridge = useBridge();
  const [personId, setPersonId] = useState<string | null>(null);
  const requestId = publication.requestId ?? '';
  const load = useCallback(() => bridge.invoke('opinions.get', { requestId }), [bridge, requestId]);
  const request = useCoreData(load, ['opinions']).state.data;
  const people = [...(request?.recipientList ?? [])].sort((a, b) => Number(a.answeredAt !== null) - Number(b.answeredAt !== null));

  return (
    <Modal
      open
      title={
        <span>
          <SafetyCertificateOutlined /> {t('publications.trustAnswersTitle')}
        </span>
      }
      width={600}
      okText={t('publications.trustOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: personId === null, loading: busy }}
      onOk={() => personId && onTrust(personId)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <div className="ns-sync-trust">
        <Typography.Paragraph>{t('publications.trustAnswersWhy', { title: publication.title })}</Typography.Paragraph>
        <blockquote className="ns-sync-quote">{publication.message}</blockquote>
        <Typography.Paragraph strong>{t('publications.trustAnswersHow')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('publications.trustAnswersPerson')} required htmlFor="sync-answers-person" extra={personId ? undefined : t('publications.trustAnswersNeedPerson')}>
            <Select<string>
              id="sync-answers-person"
              aria-label={t('publications.trustAnswersPerson')}
              placeholder={t('publications.trustAnswersPick')}
              loading={!request}
              value={personId ?? undefined}
              onChange={setPersonId}
              options={people.map((r) => ({ value: r.personId, label: r.position ? `${r.name} — ${r.position}` : r.name }))}
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
