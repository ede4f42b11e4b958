import { Alert, Button } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../bridge/useCoreData.ts';

/**
 * Votes the live room counted that the minutes do not hold yet: said at the top, with the way in
 * (the refresh dialog lists them under their items). Checked again whenever a vote closes.
 */
export function RoomVotesAlert({ meetingId, onOpen }: { meetingId: string; onOpen: () => void }) {
  const { t } = useTranslation('minutes');
  const bridge = useBridge();
  const load = useCallback(
    () => bridge.invoke('minutes.refresh', { meetingId, apply: false }).then((r) => r.changes.filter((c) => c.key.startsWith('vote:')).length),
    [bridge, meetingId],
  );
  const { state } = useCoreData(load, ['minutes']);
  const count = state.data ?? 0;
  if (!count) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="ns-block ns-room-votes-alert"
      title={t('refresh.roomVotes', { count })}
      action={
        <Button size="small" type="primary" onClick={onOpen}>
          {t('refresh.roomVotesAction')}
        </Button>
      }
    />
  );
}
