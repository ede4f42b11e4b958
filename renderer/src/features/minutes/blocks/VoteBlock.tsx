import { Button, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { voteResult, voteResultText } from '../../../../../shared/minutes/vote-result.ts';
import { passRuleLabels, passRules, type PassRule } from '../../../../../shared/room/tally.ts';
import type { VoteFields } from '../nodes/VoteNode.tsx';
import { useMinutesContext } from './MinutesContext.tsx';
import { useBlockFields } from './useBlockFields.ts';
import { useNearViewport } from './useNearViewport.ts';

type Count = 'agree' | 'disagree' | 'other';
const COUNTS: Count[] = ['agree', 'disagree', 'other'];
/** What the result is taken of: the members present at the vote, and all the members with a vote. */
const BASIS: ('present' | 'members')[] = ['present', 'members'];

/** A labelled whole number of people or votes. */
function CountField({ label, value, onChange }: { label: string; value: number | null; onChange: (n: number | null) => void }) {
  return (
    <label className="ns-minutes-count">
      <span>{label}</span>
      <InputNumber<number> aria-label={label} min={0} max={100_000} precision={0} value={value} onChange={onChange} />
    </label>
  );
}

/** The result line under the counts: the verdict under the rule, or what to check when the counts cannot be. */
function VoteResultLine({ value }: { value: VoteFields }) {
  const { t, i18n } = useTranslation('minutes');
  const result = voteResult(value);
  if (result.kind === 'none') return null;
  if (result.kind === 'impossible') {
    return (
      <Typography.Text type="warning" className="ns-minutes-vote-result">
        {t('vote.impossible', { voted: result.voted, present: result.present, members: result.members })}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type={result.tally.passed ? 'success' : 'danger'} strong className="ns-minutes-vote-result">
      {voteResultText(value, i18n.language === 'en' ? 'en' : 'vi')}
    </Typography.Text>
  );
}

/**
 * A vote's tally: the question and how many agreed, disagreed or had another opinion; with a rule,
 * the members present at the vote (taken from the attendance, editable) and the result it gives.
 */
export function VoteBlock({ nodeKey, fields }: { nodeKey: string; fields: VoteFields }) {
  const { t, i18n } = useTranslation('minutes');
  const { value, change, editable } = useBlockFields(nodeKey, fields);
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { attendance, passRule, tieToChair } = useMinutesContext();
  const result = voteResult(value);
  const askChair = tieToChair && result.kind === 'result' && result.tie;
  // The committee's own rule first, marked as such.
  const ruleOptions = [...passRules]
    .sort((a, b) => Number(b === passRule) - Number(a === passRule))
    .map((rule) => ({ value: rule, label: rule === passRule ? t('vote.committeeRule', { rule: passRuleLabels[rule][lang] }) : passRuleLabels[rule][lang] }));
  const fromAttendance = () => {
    if (attendance) change({ members: attendance.members, present: attendance.attending });
  };
  const setRule = (rule: PassRule | undefined) =>
    change(
      rule && value.members == null && attendance
        ? { rule, members: attendance.members, present: attendance.attending }
        : { rule },
    );

  if (!editable || !near) {
    return (
      <div ref={ref}>
        <p className="ns-minutes-vote-read">
          <strong>{t('vote.title')}:</strong> {value.question} — {t('vote.summary', { agree: value.agree, disagree: value.disagree, other: value.other })}
        </p>
        <VoteResultLine value={value} />
      </div>
    );
  }
  return (
    <div className="ns-minutes-block-body">
      <div className="ns-minutes-block-label">{t('vote.title')}</div>
      <Input
        aria-label={t('vote.question')}
        placeholder={t('vote.questionPlaceholder')}
        value={value.question}
        onChange={(e) => change({ question: e.target.value })}
      />
      <Flex gap="middle" wrap>
        {COUNTS.map((key) => (
          <CountField key={key} label={t(`vote.${key}`)} value={value[key]} onChange={(n) => change({ [key]: n ?? 0 } as Partial<VoteFields>)} />
        ))}
      </Flex>
      <Flex gap="middle" wrap align="center">
        <Select<PassRule | undefined>
          aria-label={t('vote.rule')}
          className="ns-minutes-vote-rule"
          placeholder={t('vote.noRule')}
          allowClear
          value={value.rule}
          onChange={(rule) => setRule(rule ?? undefined)}
          options={ruleOptions}
        />
        {value.rule ? (
          <>
            {BASIS.map((key) => (
              <CountField key={key} label={t(`vote.${key}`)} value={value[key] ?? null} onChange={(n) => change({ [key]: n } as Partial<VoteFields>)} />
            ))}
            {attendance ? (
              <Button size="small" onClick={fromAttendance}>
                {t('vote.fromAttendance', { attending: attendance.attending, members: attendance.members })}
              </Button>
            ) : null}
          </>
        ) : null}
        {askChair ? (
          <label className="ns-minutes-count">
            <span>{t('vote.tie')}</span>
            <Select<'agree' | 'disagree'>
              aria-label={t('vote.chairChoice')}
              className="ns-minutes-vote-rule"
              placeholder={t('vote.chairChoice')}
              allowClear
              value={value.chairChoice ?? undefined}
              onChange={(choice) => change({ chairChoice: choice ?? null })}
              options={[
                { value: 'agree', label: t('vote.chairAgreed') },
                { value: 'disagree', label: t('vote.chairDisagreed') },
              ]}
            />
          </label>
        ) : null}
      </Flex>
      <VoteResultLine value={value} />
    </div>
  );
}
