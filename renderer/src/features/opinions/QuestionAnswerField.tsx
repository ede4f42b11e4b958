import { Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OPINION_LIMITS, type OpinionQuestion } from '../../../../shared/contract/index.ts';
import { formatDateTime } from '../../../../shared/vn-time.ts';
import { useLang } from '../../common/useLang.ts';
import { CHOICES } from './opinionFormat.ts';

/**
 * One question on the member's form: the three answers as radio buttons and the remarks beneath,
 * required for "Ý kiến khác" (the core refuses an other opinion without its text).
 */
export function QuestionAnswerField({ question }: { question: OpinionQuestion }) {
  const { t } = useTranslation('opinions');
  const lang = useLang();
  const number = question.position + 1;
  const choice = Form.useWatch<string | undefined>(['answers', question.id, 'choice']);
  return (
    <li className="ns-opinion-answer">
      <Typography.Paragraph strong className="ns-tight">
        {question.text}
      </Typography.Paragraph>
      <Typography.Text type="secondary" className="ns-small">
        {question.myAnswer ? t('member.answeredAt', { at: formatDateTime(question.myAnswer.answeredAt, lang) }) : t('member.unanswered')}
      </Typography.Text>
      <Form.Item name={['answers', question.id, 'choice']} className="ns-opinion-choice">
        <Radio.Group
          aria-label={t('member.yourChoice', { number })}
          name={`answer-${question.id}`}
          optionType="button"
          buttonStyle="solid"
          options={CHOICES.map((c) => ({ value: c, label: t(`choice.${c}`) }))}
        />
      </Form.Item>
      <Form.Item
        name={['answers', question.id, 'text']}
        label={t('member.text')}
        dependencies={[['answers', question.id, 'choice']]}
        rules={[
          ({ getFieldValue }) => ({
            validator(_, value: string | undefined) {
              if (getFieldValue(['answers', question.id, 'choice']) === 'other' && !value?.trim()) return Promise.reject(new Error(t('member.textRequired')));
              return Promise.resolve();
            },
          }),
        ]}
      >
        <Input.TextArea
          aria-label={t('member.textFor', { number })}
          autoSize={{ minRows: choice === 'other' ? 3 : 1, maxRows: 8 }}
          placeholder={t('member.textPlaceholder')}
          maxLength={OPINION_LIMITS.answerChars}
        />
      </Form.Item>
    </li>
  );
}
