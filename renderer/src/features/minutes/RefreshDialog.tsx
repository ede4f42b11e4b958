import { Alert, List, Modal, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesRefreshChange, MinutesView } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { errorText } from '../../common/errors.ts';
import { useRun } from '../../common/useRun.ts';

const KIND_COLOR = { update: 'blue', kept: 'gold', add: 'green' } as const;

interface RefreshDialogProps {
  meetingId: string;
  /** Saves what is pending first: the refresh works on the saved minutes. */
  flush: () => Promise<boolean>;
  onClose: () => void;
  onApplied: (view: MinutesView) => void;
}

/** "Làm mới từ cuộc họp": what would change (update, kept, add), then apply on confirmation. */
export function RefreshDialog({ meetingId, flush, onClose, onApplied }: RefreshDialogProps) {
  const { t } = useTranslation('minutes');
  const bridge = useBridge();
  const run = useRun();
  const [changes, setChanges] = useState<MinutesRefreshChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);

  useEffect(() => {
    let live = true;
    (async () => {
      if (!(await flush())) throw new Error(t('status.unsaved'));
      return bridge.invoke('minutes.refresh', { meetingId, apply: false });
    })().then(
      (plan) => live && setChanges(plan.changes),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [bridge, flush, meetingId, t]);

  async function apply(): Promise<void> {
    setApplying(true);
    const result = await run(() => bridge.invoke('minutes.refresh', { meetingId, apply: true }), t('refresh.applied'));
    setApplying(false);
    if (result?.minutes) onApplied(result.minutes);
  }

  const count = changes?.filter((c) => c.kind !== 'kept').length ?? 0;
  return (
    <Modal
      open
      title={t('refresh.title')}
      width={760}
      onCancel={onClose}
      onOk={() => void apply()}
      okText={t('refresh.apply', { count })}
      cancelText={t('cancel')}
      okButtonProps={{ disabled: count === 0, loading: applying }}
    >
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!changes && !error ? <Spin /> : null}
      {changes && changes.length === 0 ? <Alert type="success" showIcon title={t('refresh.none')} /> : null}
      {changes && changes.length > 0 ? (
        <>
          <Typography.Paragraph type="secondary">{t('refresh.intro')}</Typography.Paragraph>
          <List
            size="small"
            className="ns-minutes-refresh-list"
            dataSource={changes}
            renderItem={(c) => (
              <List.Item key={c.key}>
                <div>
                  <Tag color={KIND_COLOR[c.kind]}>{t(`refresh.${c.kind}`)}</Tag> {c.after}
                  {c.before && c.kind !== 'add' ? (
                    <div className="ns-minutes-refresh-before">
                      {t('refresh.before')} <del>{c.before}</del>
                    </div>
                  ) : null}
                </div>
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Modal>
  );
}
