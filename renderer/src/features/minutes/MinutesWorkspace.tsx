import { ArrowLeftOutlined, ExportOutlined, HistoryOutlined, LockOutlined, NotificationOutlined, SyncOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Flex, Tag } from 'antd';
import type { LexicalEditor } from 'lexical';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingDetail, MinutesView } from '../../../../shared/contract/index.ts';
import type { MinutesContent } from '../../../../shared/minutes/document.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useLang } from '../../common/useLang.ts';
import { useRun } from '../../common/useRun.ts';
import { Page } from '../../shell/Page.tsx';
import { MinutesContextProvider } from './blocks/MinutesContext.tsx';
import { ConclusionsPanel } from './ConclusionsPanel.tsx';
import { MinutesEditor } from './editor/MinutesEditor.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { LockDialog } from './LockDialog.tsx';
import { when } from './minutesFormat.ts';
import { RefreshDialog } from './RefreshDialog.tsx';
import { RoomVotesAlert } from './RoomVotesAlert.tsx';
import { ReopenDialog } from './ReopenDialog.tsx';
import { RevisionsDrawer } from './RevisionsDrawer.tsx';
import { LockedBanner, SaveAlerts, useSaveShortcut } from './SaveAlerts.tsx';
import { SaveStatusText } from './SaveStatusText.tsx';
import { clearUnsaved, recoverable, type UnsavedDraft } from './unsavedDraft.ts';
import { useAutosave } from './useAutosave.ts';
import './minutes.css';

type Dialog = 'refresh' | 'revisions' | 'finalize' | 'reopen' | 'export' | null;

const savedOf = (view: MinutesView) => ({ editable: view.editable, updatedAt: view.updatedAt, json: JSON.stringify(view.content) });

/** The minutes of one meeting: editor, save status, conclusions, refresh, revisions, finalize. */
export function MinutesWorkspace({ meeting, initial }: { meeting: MeetingDetail; initial: MinutesView }) {
  const { t } = useTranslation('minutes');
  const lang = useLang();
  const bridge = useBridge();
  const run = useRun();
  const editorRef = useRef<LexicalEditor | null>(null);
  const [view, setView] = useState(initial);
  const [content, setContent] = useState<MinutesContent>(initial.content);
  const [generation, setGeneration] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [recovery, setRecovery] = useState<UnsavedDraft | null>(() => recoverable(initial.meetingId, savedOf(initial)));
  const autosave = useAutosave(initial);
  const { flush, reset } = autosave;

  const load = useCallback(
    (next: MinutesView) => {
      reset(next);
      setView(next);
      setContent(next.content);
      setGeneration((g) => g + 1);
      setDialog(null);
    },
    [reset],
  );

  async function reloadAfterConflict(): Promise<void> {
    const latest = await run(() => bridge.invoke('minutes.get', { meetingId: meeting.id }));
    if (!latest) return;
    load(latest);
    setRecovery(recoverable(latest.meetingId, savedOf(latest), true));
  }

  function restoreLocal(): void {
    if (!recovery) return;
    const editor = editorRef.current;
    if (editor) editor.setEditorState(editor.parseEditorState(recovery.content));
    autosave.changed(recovery.content);
    setRecovery(null);
  }

  useSaveShortcut(flush);

  const final = view.status === 'final';
  const local = meeting.origin === 'local' && meeting.status !== 'archived';
  return (
    <Page title={t('title', { meeting: meeting.title })}>
      <Flex className="ns-detail-top" gap="small" align="center" wrap>
        <Link to={`/meetings/${meeting.id}`} className="ns-back-link">
          <ArrowLeftOutlined aria-hidden /> {t('backToMeeting')}
        </Link>
        <Tag color={final ? 'green' : 'default'} icon={final ? <LockOutlined /> : undefined}>
          {final ? t('status.final') : t('status.draft')}
        </Tag>
        {!view.editable && !final ? <Tag>{t('status.readOnly')}</Tag> : null}
        <SaveStatusText status={autosave.status} onRetry={() => void flush()} />
        <Flex gap="small" wrap className="ns-minutes-actions">
          <Link to={`/meetings/${meeting.id}/notice`}>
            <Button icon={<NotificationOutlined />}>{t('notice.open')}</Button>
          </Link>
          <Button icon={<ExportOutlined />} onClick={() => setDialog('export')}>
            {t('export.button')}
          </Button>
          {view.editable ? (
            <>
              <Button icon={<SyncOutlined />} onClick={() => setDialog('refresh')}>
                {t('refresh.button')}
              </Button>
              <Button icon={<HistoryOutlined />} onClick={() => setDialog('revisions')}>
                {t('revisions.button')}
              </Button>
              <Button type="primary" icon={<LockOutlined />} onClick={() => setDialog('finalize')}>
                {t('finalize.button')}
              </Button>
            </>
          ) : (
            <>
              <Button icon={<HistoryOutlined />} onClick={() => setDialog('revisions')}>
                {t('revisions.button')}
              </Button>
              {final && local ? (
                <Button icon={<UnlockOutlined />} onClick={() => setDialog('reopen')}>
                  {t('reopen.button')}
                </Button>
              ) : null}
            </>
          )}
        </Flex>
      </Flex>

      <SaveAlerts
        conflict={autosave.status.kind === 'conflict'}
        conflictTitle={t('conflict.title')}
        onReload={() => void reloadAfterConflict()}
        recovery={recovery}
        onRestore={restoreLocal}
        onDiscard={() => {
          clearUnsaved(meeting.id);
          setRecovery(null);
        }}
      />
      {view.editable ? <RoomVotesAlert key={generation} meetingId={meeting.id} onOpen={() => setDialog('refresh')} /> : null}
      {view.finalized && final ? (
        <LockedBanner title={t('finalize.banner', { when: when(view.finalized.at, lang), who: view.finalized.by.name ?? '—' })} sha256={view.finalized.sha256} />
      ) : null}

      <div className="ns-minutes-layout">
        <MinutesContextProvider
          value={{
            meetingId: meeting.id,
            participants: meeting.participants,
            attendance: { members: meeting.attendance.members, attending: meeting.attendance.membersAttending },
            passRule: meeting.passRule,
            tieToChair: meeting.tieToChair,
          }}
        >
          <MinutesEditor
            key={generation}
            initial={content}
            editable={view.editable}
            editorRef={editorRef}
            onChange={autosave.onChange}
            onSave={() => void flush()}
          />
        </MinutesContextProvider>
        <ConclusionsPanel conclusions={autosave.conclusions} {...(meeting.origin === 'local' ? { meetingId: meeting.id } : {})} flush={flush} />
      </div>

      {dialog === 'refresh' ? <RefreshDialog meetingId={meeting.id} flush={flush} onClose={() => setDialog(null)} onApplied={load} /> : null}
      {dialog === 'revisions' ? (
        <RevisionsDrawer meetingId={meeting.id} editable={view.editable} flush={flush} version={autosave.version} onClose={() => setDialog(null)} onRestored={load} />
      ) : null}
      {dialog === 'export' ? <ExportDialog meetingId={meeting.id} document="minutes" final={final} flush={flush} onClose={() => setDialog(null)} /> : null}
      {dialog === 'finalize' ? (
        <LockDialog
          icon={<LockOutlined />}
          title={t('finalize.title')}
          body={t('finalize.body')}
          okText={t('finalize.ok')}
          done={t('finalize.done')}
          flush={flush}
          lock={() => bridge.invoke('minutes.finalize', { meetingId: meeting.id, baseVersion: autosave.version() })}
          onClose={() => setDialog(null)}
          onDone={load}
        />
      ) : null}
      {dialog === 'reopen' ? (
        <ReopenDialog texts="reopen" reopen={(reason) => bridge.invoke('minutes.reopen', { meetingId: meeting.id, reason })} onClose={() => setDialog(null)} onDone={load} />
      ) : null}
    </Page>
  );
}
