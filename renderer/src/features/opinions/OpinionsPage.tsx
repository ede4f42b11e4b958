import { InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../bridge/useCoreData.ts';
import { LoadFailedAlert } from '../../common/LoadFailedAlert.tsx';
import { useKeyShortcut } from '../../common/useKeyShortcut.ts';
import { Page } from '../../shell/Page.tsx';
import { useProfile } from '../directory/ProfileContext.tsx';
import { OpinionFormDrawer } from './OpinionFormDrawer.tsx';
import { OpinionImportDialog } from './OpinionImportDialog.tsx';
import { OpinionsTable } from './OpinionsTable.tsx';
import { useImportedMessage } from './useImportedMessage.ts';
import './opinions.css';

/**
 * Lấy ý kiến bằng văn bản: the secretariat's requests (made here, with their progress) or the
 * requests a member received. The secretariat creates; both import a .nsykien file (a member the
 * request, the secretariat a member's answers), and the core tells which it is.
 */
export function OpinionsPage() {
  const { t } = useTranslation('opinions');
  const bridge = useBridge();
  const navigate = useNavigate();
  const { isSecretariat } = useProfile();
  const { message } = AntApp.useApp();
  const importedText = useImportedMessage();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const load = useCallback(() => bridge.invoke('opinions.list', {}), [bridge]);
  const { state, reload } = useCoreData(load, ['opinions']);
  useKeyShortcut('n', () => setCreating(true), isSecretariat);

  const requests = state.data ?? [];
  const empty = state.status === 'ready' && requests.length === 0;
  // A laptop used both ways shows the progress column as soon as it holds one request made here.
  const showProgress = requests.some((r) => r.origin === 'local');

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} aria-keyshortcuts="N">
      {t('list.create')}
    </Button>
  );
  const importButton = (
    <Button icon={<InboxOutlined />} onClick={() => setImporting(true)}>
      {isSecretariat ? t('list.importAnswers') : t('list.importRequest')}
    </Button>
  );

  return (
    <Page title={t('list.title')} intro={isSecretariat ? t('list.introSecretariat') : t('list.introMember')}>
      <Flex className="ns-block" gap="small" wrap align="center">
        {isSecretariat ? createButton : null}
        {importButton}
        {isSecretariat ? (
          <Typography.Text type="secondary" className="ns-shortcut-hint">
            {t('list.shortcutHint')}
          </Typography.Text>
        ) : null}
      </Flex>

      {state.status === 'failed' ? <LoadFailedAlert ns="opinions" className="ns-block" error={state.error} onRetry={reload} /> : null}

      {state.status === 'loading' ? (
        <Card>
          <Skeleton active paragraph={{ rows: 4 }} />
        </Card>
      ) : empty ? (
        <Card>
          <Empty
            className="ns-empty"
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <>
                <Typography.Text strong>{isSecretariat ? t('list.emptySecretariat') : t('list.emptyMember')}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{isSecretariat ? t('list.emptySecretariatHint') : t('list.emptyMemberHint')}</Typography.Text>
              </>
            }
          >
            <Flex gap="small" justify="center">
              {isSecretariat ? createButton : importButton}
            </Flex>
          </Empty>
        </Card>
      ) : requests.length > 0 ? (
        <Card className="ns-table-card">
          <OpinionsTable requests={requests} showProgress={showProgress} />
        </Card>
      ) : null}

      {isSecretariat ? (
        <OpinionFormDrawer
          open={creating}
          onClose={() => setCreating(false)}
          onSaved={(request) => {
            setCreating(false);
            void navigate(`/opinions/${request.id}`);
          }}
        />
      ) : null}
      <OpinionImportDialog
        open={importing}
        expect={isSecretariat ? 'answers' : 'request'}
        onClose={() => setImporting(false)}
        onImported={(result) => {
          setImporting(false);
          void message.success(importedText(result), 6);
          void navigate(`/opinions/${result.requestId}`);
        }}
      />
    </Page>
  );
}
