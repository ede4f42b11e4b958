import { Flex, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VoteFields } from '../nodes/VoteNode.tsx';
import { useBlockFields } from './useBlockFields.ts';
import { useNearViewport } from './useNearViewport.ts';

type Count = 'agree' | 'disagree' | 'other';
const COUNTS: Count[] = ['agree', 'disagree', 'other'];

/** A vote's tally: the question and how many agreed, disagreed or had another opinion. */
export function VoteBlock({ nodeKey, fields }: { nodeKey: string; fields: VoteFields }) {
  const { t } = useTranslation('minutes');
  const { value, change, editable } = useBlockFields(nodeKey, fields);
  const [ref, near] = useNearViewport<HTMLDivElement>();

  if (!editable || !near) {
    return (
      <div ref={ref}>
        <p className="ns-minutes-vote-read">
          <strong>{t('vote.title')}:</strong> {value.question} — {t('vote.summary', { agree: value.agree, disagree: value.disagree, other: value.other })}
        </p>
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
          <label key={key} className="ns-minutes-count">
            <span>{t(`vote.${key}`)}</span>
            <InputNumber<number>
              aria-label={t(`vote.${key}`)}
              min={0}
              max={100_000}
              precision={0}
              value={value[key]}
              onChange={(n) => change({ [key]: n ?? 0 } as Partial<VoteFields>)}
            />
          </label>
        ))}
      </Flex>
    </div>
  );
}
