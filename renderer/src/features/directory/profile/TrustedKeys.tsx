import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Modal, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectedKey, TrustedKey } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { EmptyHint } from '../shared/EmptyHint.tsx';
import { errorText } from '../shared/errors.ts';
import { FilePicker } from '../shared/FilePicker.tsx';
import { LoadFailed } from '../shared/LoadFailed.tsx';
import { formatDate } from '../shared/text.ts';
import { useAction } from '../shared/useAction.ts';
import { useCoreData } from '../../../bridge/useCoreData.ts';

/**
 * Keys whose meeting packs this computer accepts. Adding one shows its fingerprint first, computed
 * by the core from the key itself, for the member to compare with what the secretariat reads out.
 */
export function TrustedKeys() {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const run = useAction();
  const [inspected, setInspected] = useState<InspectedKey | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
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

  async function trust(key: InspectedKey): Promise<void> {
    const ok = await run(() => bridge.invoke('keys.trust', { publicKey: key.publicKey, label: key.label }), t('profile.trusted', { label: key.label }));
    if (ok) setInspected(null);
  }

  const columns: TableColumnsType<TrustedKey> = [
    { key: 'label', title: t('profile.keyLabel'), dataIndex: 'label' },
    {
      key: 'fingerprint',
      title: t('profile.fingerprint'),
      width: 380,
      render: (_, k) => <Typography.Text className="ns-code">{k.fingerprint}</Typography.Text>,
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
      {state.status === 'failed' ? <LoadFailed error={state.error} onRetry={reload} /> : null}
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
          okButtonProps={{ disabled: inspected.trusted !== null }}
          onOk={() => void trust(inspected)}
          onCancel={() => setInspected(null)}
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
            <Alert type="info" showIcon className="ns-dir-alert" title={t('profile.alreadyTrusted', { label: inspected.trusted.label })} />
          ) : null}
        </Modal>
      ) : null}
    </Card>
  );
}
