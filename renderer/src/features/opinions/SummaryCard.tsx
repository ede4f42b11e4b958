import { Card, Skeleton, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionQuestionSummary } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../bridge/useCoreData.ts';
import { LoadFailedAlert } from '../../common/LoadFailedAlert.tsx';
import { CardHeading } from './CardHeading.tsx';
import { CHOICES, choiceColor } from './opinionFormat.ts';

/** Tổng hợp ý kiến on screen: per question the counts, then every remark with who made it, as the DOCX prints them. */
export function SummaryCard({ requestId }: { requestId: string }) {
  const { t } = useTranslation('opinions');
  const bridge = useBridge();
  const load = useCallback(() => bridge.invoke('opinions.summary', { requestId }), [bridge, requestId]);
  const { state, reload } = useCoreData(load, ['opinions']);

  return (
    <Card className="ns-block" title={<CardHeading>{t('secretariat.summaryTitle')}</CardHeading>}>
      {state.status === 'failed' ? <LoadFailedAlert ns="opinions" className="ns-block" error={state.error} onRetry={reload} /> : null}
      {!state.data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <>
          {state.data.answered.length === 0 ? <Typography.Paragraph type="secondary">{t('secretariat.summaryNone')}</Typography.Paragraph> : null}
          <ol className="ns-opinion-summary">
            {state.data.questions.map((q) => (
              <QuestionSummary key={q.questionId} question={q} />
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}

function QuestionSummary({ question }: { question: OpinionQuestionSummary }) {
  const { t } = useTranslation('opinions');
  return (
    <li className="ns-opinion-summary-item">
      <Typography.Paragraph strong className="ns-tight">
        {question.text}
      </Typography.Paragraph>
      <div className="ns-opinion-counts" role="group" aria-label={t('secretariat.countsLabel', { number: question.position + 1 })}>
        {CHOICES.map((c) => (
          <Tag key={c} color={choiceColor[c]}>
            {t(`choice.${c}`)}: {question.counts[c]}
          </Tag>
        ))}
        <Tag>
          {t('secretariat.noAnswer')}: {question.counts.none}
        </Tag>
      </div>
      {question.texts.length > 0 ? (
        <ul className="ns-opinion-texts" aria-label={t('secretariat.textsTitle')}>
          {question.texts.map((x) => (
            <li key={x.personId}>
              <Typography.Text strong>{x.name}</Typography.Text> ({t(`choice.${x.choice}`)}): {x.text}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
