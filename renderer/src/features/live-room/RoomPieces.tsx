import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, LiveRoomSnapshot, LiveRoomVote } from '../../../../shared/contract/index.ts';
import { clock, useNow } from './useLiveRoom.ts';

/** The current item with its timer: elapsed against planned, red once over. */
export function ItemTimer({ snapshot }: { snapshot: LiveRoomSnapshot }) {
  const { t } = useTranslation('room');
  const now = useNow();
  const item = snapshot.items.find((i) => i.id === snapshot.current.itemId);
  if (!item) return <Typography.Text type="secondary">{t('current.none')}</Typography.Text>;
  const elapsed = now - Date.parse(snapshot.current.since);
  const over = item.plannedMinutes !== null && elapsed > item.plannedMinutes * 60_000;
  return (
    <div className="ns-room-current">
      <div className="ns-room-current-title">{item.title}</div>
      <Typography.Text type={over ? 'danger' : 'secondary'} className="ns-room-timer">
        {item.plannedMinutes ? t('current.timer', { elapsed: clock(elapsed), planned: item.plannedMinutes }) : t('current.timerNoPlan', { elapsed: clock(elapsed) })}
        {over ? <Tag color="red" className="ns-room-over">{t('current.overtime')}</Tag> : null}
      </Typography.Text>
    </div>
  );
}

/** A vote's state: ballots so far while open; the counts and the verdict once closed. */
export function VoteSummary({ vote, eligible }: { vote: LiveRoomVote; eligible: number }) {
  const { t } = useTranslation('room');
  const r = vote.result;
  if (!r) {
    return (
      <div className="ns-room-vote-progress">
        <Progress percent={eligible ? Math.round((vote.voted / eligible) * 100) : 0} showInfo={false} size="small" />
        <Typography.Text type="secondary">{t('votes.voted', { voted: vote.voted, eligible })}</Typography.Text>
      </div>
    );
  }
  return (
    <div className="ns-room-vote-result">
      <Tag color={r.tally.passed ? 'green' : 'red'} className="ns-room-verdict">
        {r.tally.passed ? t('votes.passed') : t('votes.notPassed')}
      </Tag>
      <Typography.Text>{t('votes.result', { agree: r.tally.agree, disagree: r.tally.disagree, other: r.tally.other, needed: r.tally.needed })}</Typography.Text>
    </div>
  );
}

export function personName(snapshot: LiveRoomSnapshot, personId: string): string {
  return snapshot.participants.find((p) => p.personId === personId)?.name ?? personId;
}

/** Items and sub-items in agenda order. */
export function flatAgenda(items: readonly AgendaItem[]): AgendaItem[] {
  return items.flatMap((i) => [i, ...flatAgenda(i.children)]);
}
