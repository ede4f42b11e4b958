import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { passRuleLabels } from '../../../../shared/room/tally.ts';
import { ItemTimer, personName } from './RoomPieces.tsx';
import { clock, useHostRoom, useNow } from './useLiveRoom.ts';
import './room.css';

/**
 * The projector screen (màn hình chiếu): the current item and its timer, who speaks and who is next,
 * the vote under way or the last result — large type, high contrast, nothing to click. Esc leaves.
 */
export function ProjectorPage() {
  const { meetingId = '' } = useParams();
  const { t, i18n } = useTranslation('room');
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const navigate = useNavigate();
  const room = useHostRoom(meetingId);
  const now = useNow();
  const s = room.state.data?.snapshot ?? null;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') void navigate(`/meetings/${meetingId}/room`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, meetingId]);

  if (!s) {
    return (
      <main className="ns-projector" aria-label={t('projector.title')}>
        <p className="ns-projector-empty">{room.state.status === 'loading' ? '…' : t('projector.noRoom')}</p>
      </main>
    );
  }
  const vote = [...s.votes].reverse().find((v) => !v.result) ?? s.votes.at(-1) ?? null;
  const eligible = s.participants.filter((p) => p.votes).length;
  const next = s.waiting[0];
  return (
    <main className="ns-projector" aria-label={t('projector.title')}>
      <section className="ns-projector-item">
        <ItemTimer snapshot={s} />
      </section>
      <section className="ns-projector-row">
        <div className="ns-projector-box">
          <h2>{t('projector.speaking')}</h2>
          {s.speaker ? (
            <p className="ns-projector-big">
              {personName(s, s.speaker.personId)} <span className="ns-projector-clock">{clock(now - Date.parse(s.speaker.givenAt!))}</span>
            </p>
          ) : (
            <p className="ns-projector-big">—</p>
          )}
          {next ? (
            <p className="ns-projector-next">
              {t('projector.waiting')}: {personName(s, next.personId)}
            </p>
          ) : null}
        </div>
        {vote ? (
          <div className="ns-projector-box">
            <h2>
              {t('projector.vote')}: {vote.title}
            </h2>
            {vote.result ? (
              <>
                <p className={vote.result.tally.passed ? 'ns-projector-big ns-projector-passed' : 'ns-projector-big ns-projector-failed'}>
                  {vote.result.tally.passed ? t('votes.passed') : t('votes.notPassed')}
                </p>
                <p className="ns-projector-counts">
                  {t('votes.agree')}: {vote.result.tally.agree} · {t('votes.disagree')}: {vote.result.tally.disagree} · {t('votes.other')}: {vote.result.tally.other}
                </p>
                {/* The room sees why: "not passed" with no vote against reads as a mistake without the rule. */}
                <p className="ns-projector-rule">
                  {t('projector.needed', { needed: vote.result.tally.needed, base: vote.result.tally.base, rule: passRuleLabels[s.rule][lang].toLowerCase() })}
                </p>
              </>
            ) : (
              <p className="ns-projector-big">{t('projector.votedCount', { voted: vote.voted, eligible })}</p>
            )}
          </div>
        ) : null}
      </section>
      <footer className="ns-projector-foot">
        {t('attendance.quorum', { present: s.quorum.present, eligible: s.quorum.eligible })} · {t('projector.exit')}
      </footer>
    </main>
  );
}
