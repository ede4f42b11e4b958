import { ExportOutlined, SaveOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Form, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionAnswer, OpinionRequestDetail } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useRun } from '../../common/useRun.ts';
import { useSaveExport } from '../../common/useSaveExport.ts';
import { PublishOpinionsButton } from '../sync/publications/PublishOpinionsButton.tsx';
import { CardHeading } from './CardHeading.tsx';
import { QuestionAnswerField } from './QuestionAnswerField.tsx';

interface Values {
  answers: Record<string, { choice?: OpinionAnswer['choice']; text?: string }>;
}

function valuesOf(request: OpinionRequestDetail): Values {
  return {
    answers: Object.fromEntries(request.questionList.map((q) => [q.id, { choice: q.myAnswer?.choice, text: q.myAnswer?.text ?? '' }])),
  };
}

/** The answers on the form that differ from those saved: only these are sent, each replacing the earlier one. */
function changedAnswers(request: OpinionRequestDetail, values: Values): Array<{ questionId: string; choice: OpinionAnswer['choice']; text: string | undefined }> {
  const changed = [];
  for (const q of request.questionList) {
    const v = values.answers[q.id];
    if (!v?.choice) continue;
    const text = v.text?.trim() ? v.text : undefined;
    if (q.myAnswer && q.myAnswer.choice === v.choice && (q.myAnswer.text ?? undefined) === text) continue;
    changed.push({ questionId: q.id, choice: v.choice, text });
  }
  return changed;
}

/**
 * The member's side: answer each question, save (Ctrl+Enter), and export the answers signed with
 * the profile key for the secretariat. Exporting saves what is on the form first, so the file
 * always carries what the member sees; changing an answer later and exporting again replaces it.
 */
export function MemberAnswers({ request, onSaved }: { request: OpinionRequestDetail; onSaved: (request: OpinionRequestDetail) => void }) {
  const { t } = useTranslation('opinions');
  const bridge = useBridge();
  const run = useRun();
  const saveExport = useSaveExport();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'save' | 'export' | null>(null);
  const watched = Form.useWatch<Values['answers'] | undefined>('answers', form);
  const anyAnswer = request.questionList.some((q) => q.myAnswer) || Object.values(watched ?? {}).some((a) => a?.choice);

  /** Validates and sends what changed; false when the form is not valid or the core refused. */
  async function save(quiet: boolean): Promise<boolean> {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return false;
    }
    const changes = changedAnswers(request, values);
    if (changes.length === 0) return true;
    const saved = await run(async () => {
      let latest = request;
      for (const c of changes) latest = await bridge.invoke('opinions.answer', { requestId: request.id, ...c });
      return latest;
    });
    if (!saved) return false;
    onSaved(saved);
    if (!quiet) void message.success(t('member.saved'));
    return true;
  }

  async function onSave(): Promise<void> {
    setBusy('save');
    await save(false);
    setBusy(null);
  }

  async function onExport(): Promise<void> {
    setBusy('export');
    if (await save(true)) {
      let fingerprint = '';
      await saveExport(
        async () => {
          const result = await bridge.invoke('opinions.exportAnswers', { requestId: request.id });
          fingerprint = result.fingerprint;
          return result.file;
        },
        (file) => t('member.exportedAnswers', { fileName: file.fileName, fingerprint }),
      );
    }
    setBusy(null);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void onSave();
    }
  }

  return (
    <Card className="ns-block" title={<CardHeading>{t('member.answerTitle')}</CardHeading>}>
      <div onKeyDown={onKeyDown}>
        <Form<Values> form={form} name="opinion-answers" layout="vertical" initialValues={valuesOf(request)} disabled={busy !== null}>
          <ol className="ns-opinion-answers">
            {request.questionList.map((q) => (
              <QuestionAnswerField key={q.id} question={q} />
            ))}
          </ol>
        </Form>
        <Typography.Paragraph type="secondary">{t('member.exportHint')}</Typography.Paragraph>
        <Flex gap="small" wrap align="center">
          <Button icon={<SaveOutlined />} loading={busy === 'save'} disabled={busy === 'export'} onClick={() => void onSave()} aria-keyshortcuts="Control+Enter">
            {t('member.save')}
          </Button>
          <Button
            type="primary"
            icon={<ExportOutlined />}
            loading={busy === 'export'}
            disabled={busy === 'save' || !anyAnswer}
            title={anyAnswer ? undefined : t('member.nothingToExport')}
            onClick={() => void onExport()}
          >
            {t('member.exportAnswers')}
          </Button>
          <PublishOpinionsButton what="answers" requestId={request.id} before={() => save(true)} disabled={busy !== null || !anyAnswer} />
          <Typography.Text type="secondary" className="ns-shortcut-hint">
            {t('member.saveHint')}
          </Typography.Text>
          {request.answersExported > 0 ? (
            <Typography.Text type="success">{t('member.exportedCount', { count: request.answersExported })}</Typography.Text>
          ) : null}
        </Flex>
      </div>
    </Card>
  );
}
