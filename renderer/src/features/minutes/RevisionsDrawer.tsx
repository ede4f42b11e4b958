import { Alert, Button, Drawer, Flex, List, Popconfirm, Select, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesDiff, MinutesRevisionSummary, MinutesView } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { errorText } from '../../common/errors.ts';
import { useLang } from '../../common/useLang.ts';
import { useRun } from '../../common/useRun.ts';
import { when } from './minutesFormat.ts';

interface RevisionsDrawerProps {
  meetingId: string;
  editable: boolean;
  flush: () => Promise<boolean>;
  version: () => number;
  onClose: () => void;
  onRestored: (view: MinutesView) => void;
}

/** The revisions of the minutes: who saved what when, the difference between two, and a restore. */
export function RevisionsDrawer({ meetingId, editable, flush, version, onClose, onRestored }: RevisionsDrawerProps) {
  const { t } = useTranslation('minutes');
  const lang = useLang();
  const bridge = useBridge();
  const run = useRun();
  const [revisions, setRevisions] = useState<MinutesRevisionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [range, setRange] = useState<{ from?: number; to?: number }>({});
  const [diff, setDiff] = useState<MinutesDiff | null>(null);

  useEffect(() => {
    let live = true;
    void flush().then(() =>
      bridge.invoke('minutes.revisions', { meetingId }).then(
        (list) => {
          if (!live) return;
          // Newest first, whatever order the core lists them in.
          const sorted = [...list].sort((a, b) => b.revision - a.revision);
          setRevisions(sorted);
          const last = sorted[0]?.revision;
          if (last && last > 1) setRange({ from: last - 1, to: last });
        },
        (e: unknown) => live && setError(errorText(e)),
      ),
    );
    return () => {
      live = false;
    };
  }, [bridge, flush, meetingId]);

  const compare = useCallback(async () => {
    if (!range.from || !range.to) return;
    const result = await run(() => bridge.invoke('minutes.diff', { meetingId, from: range.from!, to: range.to! }));
    if (result) setDiff(result);
  }, [bridge, meetingId, range, run]);

  async function restore(revision: number): Promise<void> {
    if (!(await flush())) return;
    const view = await run(() => bridge.invoke('minutes.restoreRevision', { meetingId, revision, baseVersion: version() }), t('revisions.restored', { revision }));
    if (view) onRestored(view);
  }

  const newest = revisions?.[0]?.revision;
  const options = (revisions ?? []).map((r) => ({ value: r.revision, label: t('revisions.revision', { revision: r.revision }) }));
  return (
    <Drawer open title={t('revisions.title')} size={560} onClose={onClose}>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!revisions && !error ? <Spin /> : null}
      {revisions && revisions.length === 0 ? <Typography.Text type="secondary">{t('revisions.empty')}</Typography.Text> : null}
      {revisions && revisions.length > 1 ? (
        <Flex gap="small" align="center" wrap className="ns-block">
          <span>{t('revisions.compareFrom')}</span>
          <Select aria-label={t('revisions.compareFrom')} className="ns-minutes-rev-select" value={range.from} options={options} onChange={(from) => setRange((r) => ({ ...r, from }))} />
          <span>{t('revisions.compareTo')}</span>
          <Select aria-label={t('revisions.compareTo')} className="ns-minutes-rev-select" value={range.to} options={options} onChange={(to) => setRange((r) => ({ ...r, to }))} />
          <Button onClick={() => void compare()} disabled={!range.from || !range.to}>
            {t('revisions.compare')}
          </Button>
        </Flex>
      ) : null}
      {diff ? (
        <div className="ns-minutes-diff ns-block" aria-label={t('revisions.diffTitle', { from: diff.from.revision, to: diff.to.revision, added: diff.added, removed: diff.removed })}>
          <Typography.Text strong>{t('revisions.diffTitle', { from: diff.from.revision, to: diff.to.revision, added: diff.added, removed: diff.removed })}</Typography.Text>
          {diff.added + diff.removed === 0 ? <Typography.Paragraph type="secondary">{t('revisions.noDiff')}</Typography.Paragraph> : null}
          {diff.lines
            .filter((l) => l.change !== 'same')
            .map((l, i) => (
              <div key={i} className={`ns-minutes-diff-line ns-minutes-diff-${l.change}`}>
                <span className="ns-minutes-diff-mark">{l.change === 'added' ? `+ ${t('revisions.added')}` : `− ${t('revisions.removed')}`}</span> {l.text}
              </div>
            ))}
        </div>
      ) : null}
      {revisions ? (
        <List
          size="small"
          dataSource={revisions}
          renderItem={(r) => (
            <List.Item
              key={r.revision}
              actions={
                editable && r.revision !== newest
                  ? [
                      <Popconfirm
                        key="restore"
                        title={t('revisions.restoreConfirm', { revision: r.revision })}
                        okText={t('revisions.restore')}
                        cancelText={t('cancel')}
                        onConfirm={() => restore(r.revision)}
                      >
                        <Button size="small">{t('revisions.restore')}</Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <span>
                    {t('revisions.revision', { revision: r.revision })} <Tag>{t(`revisions.kinds.${r.kind}`)}</Tag>
                    {r.revision === newest ? <Tag color="blue">{t('revisions.current')}</Tag> : null}
                  </span>
                }
                description={
                  <>
                    {t('revisions.by', { who: r.author.name ?? t('revisions.unknownAuthor'), when: when(r.savedAt, lang) })}
                    {r.note ? <div className="ns-minutes-rev-note">{r.note}</div> : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : null}
    </Drawer>
  );
}
