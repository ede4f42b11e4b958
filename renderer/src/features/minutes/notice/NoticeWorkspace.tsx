import { ArrowLeftOutlined, ExportOutlined, RedoOutlined, SendOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Tag, Tooltip, Typography } from 'antd';
import type { EditorState, LexicalEditor } from 'lexical';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingDetail, NoticeView } from '../../../../../shared/contract/index.ts';
import type { MinutesContent } from '../../../../../shared/minutes/document.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useLang } from '../../../common/useLang.ts';
import { useRun } from '../../../common/useRun.ts';
import { Page } from '../../../shell/Page.tsx';
import { MinutesContextProvider } from '../blocks/MinutesContext.tsx';
import { MinutesEditor } from '../editor/MinutesEditor.tsx';
import { ExportDialog } from '../ExportDialog.tsx';
import { LockDialog } from '../LockDialog.tsx';
import { when } from '../minutesFormat.ts';
import { ReopenDialog } from '../ReopenDialog.tsx';
import { LockedBanner, SaveAlerts, useSaveShortcut } from '../SaveAlerts.tsx';
import { SaveStatusText } from '../SaveStatusText.tsx';
import { clearUnsaved, recoverable, type UnsavedDraft } from '../unsavedDraft.ts';
import { useVersionedAutosave } from '../useVersionedAutosave.ts';
import { NUMBER, NoticeFields, type NoticeMeta } from './NoticeFields.tsx';

type Dialog = 'regenerate' | 'issue' | 'reopen' | 'export' | null;

interface NoticeDraft extends NoticeMeta {
  content: MinutesContent;
}

const metaOf = (v: NoticeView): NoticeMeta => ({ number: v.number, recipients: v.recipients, signerTitles: v.signerTitles, signerName: v.signerName });
const draftJson = (content: MinutesContent, meta: NoticeMeta) => JSON.stringify({ content, ...meta } satisfies NoticeDraft);
const slotOf = (meetingId: string) => `notice-${meetingId}`;

const savedOf = (view: NoticeView) => ({ editable: view.editable, updatedAt: view.updatedAt, json: draftJson(view.content, metaOf(view)) });

/**
 * The Thông báo kết luận of one meeting: its text in the minutes' editor (without the minutes'
 * blocks), number, Nơi nhận and signer beside it, all autosaved together; redraft from the
 * conclusions, export, issue, reopen.
 */
export function NoticeWorkspace({ meeting, initial, onReload }: { meeting: MeetingDetail; initial: NoticeView; onReload: () => void }) {
  const { t } = useTranslation('minutes');
  const lang = useLang();
  const bridge = useBridge();
  const run = useRun();
  const editorRef = useRef<LexicalEditor | null>(null);
  const [view, setView] = useState(initial);
  const [generation, setGeneration] = useState(0);
  const [meta, setMetaState] = useState<NoticeMeta>(() => metaOf(initial));
  // The editor's change handler reads the form through this, never a stale render's copy.
  const metaRef = useRef(meta);
  const setMeta = (next: NoticeMeta) => {
    metaRef.current = next;
    setMetaState(next);
  };
  const contentRef = useRef<MinutesContent>(initial.content);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [recovery, setRecovery] = useState<UnsavedDraft | null>(() => recoverable(slotOf(initial.meetingId), savedOf(initial)));
  const meetingId = meeting.id;
  const autosave = useVersionedAutosave({
    slot: slotOf(meetingId),
    version: initial.version,
    json: draftJson(initial.content, metaOf(initial)),
    save: (baseVersion, json) => bridge.invoke('notice.save', { meetingId, baseVersion, ...(JSON.parse(json) as NoticeDraft) }),
  });
  const { changed, flush, reset } = autosave;

  const load = useCallback(
    (next: NoticeView) => {
      reset(next.version, draftJson(next.content, metaOf(next)));
      contentRef.current = next.content;
      setView(next);
      metaRef.current = metaOf(next);
      setMetaState(metaRef.current);
      setGeneration((g) => g + 1);
      setDialog(null);
    },
    [reset],
  );

  const onEditorChange = useCallback(
    (state: EditorState) => {
      contentRef.current = state.toJSON() as unknown as MinutesContent;
      changed(draftJson(contentRef.current, metaRef.current));
    },
    [changed],
  );
  const onMetaChange = (next: NoticeMeta) => {
    setMeta(next);
    changed(draftJson(contentRef.current, next));
  };

  async function reloadAfterConflict(): Promise<void> {
    const latest = await run(() => bridge.invoke('notice.get', { meetingId }));
    if (!latest) return onReload();
    load(latest);
    setRecovery(recoverable(slotOf(latest.meetingId), savedOf(latest), true));
  }

  function restoreLocal(): void {
    if (!recovery) return;
    const draft = JSON.parse(recovery.content) as NoticeDraft;
    const editor = editorRef.current;
    if (editor) editor.setEditorState(editor.parseEditorState(JSON.stringify(draft.content)));
    contentRef.current = draft.content;
    setMeta({ number: draft.number, recipients: draft.recipients, signerTitles: draft.signerTitles, signerName: draft.signerName });
    changed(recovery.content);
    setRecovery(null);
  }

  async function regenerate(): Promise<void> {
    setBusy(true);
    const next = await run(async () => {
      if (!(await flush())) throw new Error(t('status.unsaved'));
      return bridge.invoke('notice.regenerate', { meetingId, baseVersion: autosave.version() });
    }, t('notice.regenerate.done'));
    setBusy(false);
    if (next) load(next);
  }

  useSaveShortcut(flush);

  const issued = view.status === 'issued';
  const local = meeting.origin === 'local' && meeting.status !== 'archived';
  const numberOk = meta.number !== null && NUMBER.test(meta.number);
  const issueBlocked = !view.minutesFinal ? t('notice.issue.needFinal') : !numberOk ? t('notice.issue.needNumber') : null;

  return (
    <Page title={t('notice.title', { meeting: meeting.title })}>
      <Flex className="ns-detail-top" gap="small" align="center" wrap>
        <Link to={`/meetings/${meetingId}/minutes`} className="ns-back-link">
          <ArrowLeftOutlined aria-hidden /> {t('notice.backToMinutes')}
        </Link>
        <Tag color={issued ? 'green' : 'default'}>{issued ? t('notice.status.issued') : t('notice.status.draft')}</Tag>
        {!view.editable && !issued ? <Tag>{t('status.readOnly')}</Tag> : null}
        <SaveStatusText status={autosave.status} onRetry={() => void flush()} />
        <Flex gap="small" wrap className="ns-minutes-actions">
          <Button icon={<ExportOutlined />} onClick={() => setDialog('export')}>
            {t('export.button')}
          </Button>
          {view.editable ? (
            <>
              <Button icon={<RedoOutlined />} loading={busy} onClick={() => setDialog('regenerate')}>
                {t('notice.regenerate.button')}
              </Button>
              <Tooltip title={issueBlocked}>
                <Button type="primary" icon={<SendOutlined />} disabled={issueBlocked !== null} onClick={() => setDialog('issue')}>
                  {t('notice.issue.button')}
                </Button>
              </Tooltip>
            </>
          ) : issued && local ? (
            <Button icon={<UnlockOutlined />} onClick={() => setDialog('reopen')}>
              {t('reopen.button')}
            </Button>
          ) : null}
        </Flex>
      </Flex>

      <SaveAlerts
        conflict={autosave.status.kind === 'conflict'}
        conflictTitle={t('notice.conflict.title')}
        onReload={() => void reloadAfterConflict()}
        recovery={recovery}
        onRestore={restoreLocal}
        onDiscard={() => {
          clearUnsaved(slotOf(meetingId));
          setRecovery(null);
        }}
      />
      {view.editable && issueBlocked ? <Alert type="info" showIcon className="ns-block" title={issueBlocked} /> : null}
      {view.issued && issued ? (
        <LockedBanner title={t('notice.issue.banner', { when: when(view.issued.at, lang), who: view.issued.by.name ?? '—' })} sha256={view.issued.sha256} />
      ) : null}

      <div className="ns-minutes-layout">
        <MinutesContextProvider
          value={{ meetingId, participants: meeting.participants, attendance: { members: meeting.attendance.members, attending: meeting.attendance.membersAttending }, passRule: meeting.passRule, tieToChair: meeting.tieToChair }}
        >
          <MinutesEditor
            key={generation}
            initial={view.content}
            editable={view.editable}
            editorRef={editorRef}
            onChange={onEditorChange}
            onSave={() => void flush()}
            appBlocks={false}
            label={t('notice.editorLabel')}
          />
        </MinutesContextProvider>
        <NoticeFields key={generation} meta={meta} committeeName={meeting.committee.name} editable={view.editable} onChange={onMetaChange} />
      </div>

      {dialog === 'regenerate' ? (
        <Modal
          open
          title={t('notice.regenerate.title')}
          okText={t('notice.regenerate.ok')}
          cancelText={t('cancel')}
          okButtonProps={{ danger: true, loading: busy }}
          onOk={() => void regenerate()}
          onCancel={() => setDialog(null)}
        >
          <Typography.Paragraph>{t('notice.regenerate.body')}</Typography.Paragraph>
        </Modal>
      ) : null}
      {dialog === 'issue' && meta.number ? (
        <LockDialog
          icon={<SendOutlined />}
          title={t('notice.issue.title', { number: meta.number })}
          body={t('notice.issue.body')}
          okText={t('notice.issue.ok')}
          done={t('notice.issue.done')}
          flush={flush}
          lock={() => bridge.invoke('notice.issue', { meetingId, baseVersion: autosave.version() })}
          onClose={() => setDialog(null)}
          onDone={load}
        />
      ) : null}
      {dialog === 'export' ? <ExportDialog meetingId={meetingId} document="notice" final={issued} flush={flush} onClose={() => setDialog(null)} /> : null}
      {dialog === 'reopen' ? (
        <ReopenDialog texts="notice.reopen" reopen={(reason) => bridge.invoke('notice.reopen', { meetingId, reason })} onClose={() => setDialog(null)} onDone={load} />
      ) : null}
    </Page>
  );
}
