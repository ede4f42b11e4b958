import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectedKey, TrustedKey, TrustGrant, TrustScope } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { EmptyHint } from '../shared/EmptyHint.tsx';
import { errorText } from '../../../common/errors.ts';
import { FilePicker } from '../shared/FilePicker.tsx';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { formatDate } from '../shared/text.ts';
import { useAction } from '../shared/useAction.ts';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { foldedFilter, PersonSelect, useCommittees } from '../../meetings/shared/directoryOptions.tsx';

/** What one grant lets a key sign, as a tag. */
function GrantTag({ grant }: { grant: TrustGrant }) {
  const { t } = useTranslation('directory');
  return grant.purpose === 'pack' ? (
    <Tag color="blue">{t('profile.grantPack', { committee: grant.committeeName ?? grant.committeeId })}</Tag>
  ) : (
    <Tag color="purple">{t('profile.grantNotes', { person: grant.personName })}</Tag>
  );
}

/**
 * Keys this computer trusts, each for what it may sign: meeting packs of one committee (the
 * secretariat's key) or shared notes of one person (a member's key). Adding one shows its
 * fingerprint first, computed by the core from the key itself, for the user to compare with what
 * its holder reads out, then asks what the key is trusted for.
 */
export function TrustedKeys() {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const run = useAction();
  const [inspected, setInspected] = useState<InspectedKey | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [purpose, setPurpose] = useState<TrustScope['purpose']>('pack');
  const [committeeId, setCommitteeId] = useState<string | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const committees = useCommittees();
  const load = useCallback(() => bridge.invoke('keys.listTrusted', {}), [bridge]);
  const { state, reload } = useCoreData(load, ['profile']);
  const keys = state.data ?? [];

  async function inspect(file: File): Promise<void> {
    setFailure(null);
    try {
      const uploaded = await bridge.upload(file);
      setInspected(await bridge.invoke('keys.inspect', { upload: { uploadId: uploaded.uploadId, fileName: uploaded.fileName } }));
    } catch (error) {
      setFailure(errorText(error));
    }
  }

  const scope: TrustScope | null =
    purpose === 'pack' ? (committeeId ? { purpose, committeeId } : null) : personId ? { purpose, personId } : null;

  function close(): void {
    setInspected(null);
    setCommitteeId(null);
    setPersonId(null);
  }

  async function trust(key: InspectedKey, chosen: TrustScope): Promise<void> {
    const ok = await run(
      () => bridge.invoke('keys.trust', { publicKey: key.publicKey, label: key.label, scope: chosen }),
      t('profile.trusted', { label: key.label }),
    );
    if (ok) close();
  }

  const columns: TableColumnsType<TrustedKey> = [
    { key: 'label', title: t('profile.keyLabel'), dataIndex: 'label' },
    {
      key: 'fingerprint',
      title: t('profile.fingerprint'),
      width: 380,
      render: (_, k) => <Typography.Text className="ns-code">{k.fingerprint}</Typography.Text>,
    },
    {
      key: 'grants',
      title: t('profile.grants'),
      render: (_, k) =>
        k.grants.length === 0 ? (
          <Tag color="orange">{t('profile.noGrants')}</Tag>
        ) : (
          <Space size={[0, 4]} wrap>
            {k.grants.map((g) => (
              <GrantTag key={g.purpose === 'pack' ? `p${g.committeeId}` : `n${g.personId}`} grant={g} />
            ))}
          </Space>
        ),
    },
    { key: 'acceptedAt', title: t('profile.acceptedAt'), width: 140, render: (_, k) => formatDate(k.acceptedAt) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_, k) => (
        <Popconfirm
          title={t('profile.untrustConfirm', { label: k.label })}
          description={t('profile.untrustHint')}
          okText={t('profile.untrust')}
          cancelText={t('common.deleteNo')}
          okButtonProps={{ danger: true }}
          onConfirm={async () => {
            await run(() => bridge.invoke('keys.untrust', { fingerprint: k.fingerprint }), t('profile.untrusted', { label: k.label }));
          }}
        >
          <Button size="small" type="text" danger aria-label={t('profile.untrustNamed', { label: k.label })}>
            {t('profile.untrust')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  const addButton = (
    <FilePicker inputLabel={t('profile.keyFileInput')} accept=".json,application/json" onFile={(file) => void inspect(file)} buttonProps={{ icon: <PlusOutlined /> }}>
      {t('profile.addKeyFile')}
    </FilePicker>
  );

  return (
    <Card
      className="ns-dir-card"
      title={
        <Typography.Title level={2} className="ns-dir-card-title">
          {t('profile.trustedTitle')}
        </Typography.Title>
      }
      extra={keys.length > 0 ? addButton : null}
    >
      <Typography.Paragraph type="secondary">{t('profile.trustedIntro')}</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={t('common.failed', { message: failure })} className="ns-dir-alert" /> : null}
      {state.status === 'failed' ? <LoadFailedAlert ns="directory" error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' && keys.length === 0 ? (
        <EmptyHint title={t('profile.trustedEmpty')} hint={t('profile.trustedEmptyHint')}>
          {addButton}
        </EmptyHint>
      ) : (
        <Table<TrustedKey> size="small" rowKey="fingerprint" columns={columns} dataSource={keys} loading={state.status === 'loading'} pagination={false} />
      )}
      {inspected ? (
        <Modal
          open
          title={t('profile.confirmTitle')}
          okText={t('profile.confirmOk')}
          cancelText={t('common.cancel')}
          okButtonProps={{ disabled: scope === null }}
          onOk={() => {
            if (scope) void trust(inspected, scope);
          }}
          onCancel={close}
        >
          <Typography.Paragraph>{t('profile.confirmBody')}</Typography.Paragraph>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'label', label: t('profile.keyLabel'), children: inspected.label },
              { key: 'fp', label: t('profile.fingerprint'), children: <Typography.Text className="ns-fingerprint">{inspected.fingerprint}</Typography.Text> },
            ]}
          />
          {inspected.trusted ? (
            <Alert
              type="info"
              showIcon
              className="ns-dir-alert"
              title={t('profile.alreadyTrusted', { label: inspected.trusted.label })}
              description={inspected.trusted.grants.map((g) => (
                <GrantTag key={g.purpose === 'pack' ? `p${g.committeeId}` : `n${g.personId}`} grant={g} />
              ))}
            />
          ) : null}
          <Form layout="vertical" className="ns-dir-alert">
            <Form.Item label={t('profile.purpose')} required>
              <Radio.Group value={purpose} onChange={(e) => setPurpose(e.target.value as TrustScope['purpose'])}>
                <Space direction="vertical">
                  <Radio value="pack">{t('profile.purposePack')}</Radio>
                  <Radio value="notes">{t('profile.purposeNotes')}</Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
            {purpose === 'pack' ? (
              <Form.Item label={t('profile.committee')} extra={t('profile.committeeHelp')} required>
                <Select<string>
                  showSearch={{ filterOption: foldedFilter }}
                  value={committeeId ?? undefined}
                  onChange={setCommitteeId}
                  aria-label={t('profile.committee')}
                  placeholder={t('profile.committeePlaceholder')}
                  loading={committees.status === 'loading'}
                  options={(committees.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                />
              </Form.Item>
            ) : (
              <Form.Item label={t('profile.person')} extra={t('profile.personHelp')} required>
                <PersonSelect value={personId} onChange={(value) => setPersonId(value ?? null)} aria-label={t('profile.person')} />
              </Form.Item>
            )}
          </Form>
        </Modal>
      ) : null}
    </Card>
  );
}
