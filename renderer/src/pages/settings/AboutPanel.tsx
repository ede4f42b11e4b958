import { Alert, Card, Descriptions, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { BridgeError } from '../../bridge/BridgeError.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { SectionTitle } from './SectionTitle.tsx';

type AboutState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; info: AppInfo };

/** What an IT administrator asks for first when something goes wrong: versions and where the data is. */
export function AboutPanel() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [state, setState] = useState<AboutState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    bridge.invoke('app.info', {}).then(
      (info) => {
        if (live) setState({ status: 'ready', info });
      },
      (error: unknown) => {
        if (live) setState({ status: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [bridge]);

  return (
    <Card title={<SectionTitle>{t('about.title')}</SectionTitle>} className="ns-settings-card">
      {state.status === 'loading' ? <Skeleton active paragraph={{ rows: 5 }} /> : null}
      {state.status === 'failed' ? (
        <Alert
          type="error"
          showIcon
          title={t('about.loadFailed', {
            message: state.error instanceof BridgeError ? state.error.messageIn(currentLanguage()) : String(state.error),
          })}
        />
      ) : null}
      {state.status === 'ready' ? (
        <Descriptions
          bordered
          size="small"
          column={1}
          className="ns-about"
          items={[
            { key: 'name', label: t('about.appName'), children: state.info.appName },
            { key: 'version', label: t('about.version'), children: state.info.version },
            {
              key: 'dataDir',
              label: t('about.dataDir'),
              children: <Typography.Text copyable className="ns-path">{state.info.dataDir}</Typography.Text>,
            },
            {
              key: 'databaseFile',
              label: t('about.databaseFile'),
              children: <Typography.Text copyable className="ns-path">{state.info.databaseFile}</Typography.Text>,
            },
            {
              key: 'schema',
              label: t('about.schemaVersion'),
              children: t('about.schemaVersionValue', {
                current: state.info.schemaVersion,
                latest: state.info.latestSchemaVersion,
              }),
            },
            { key: 'node', label: t('about.node'), children: state.info.node },
            { key: 'sqlite', label: t('about.sqlite'), children: state.info.sqlite },
          ]}
        />
      ) : null}
    </Card>
  );
}
