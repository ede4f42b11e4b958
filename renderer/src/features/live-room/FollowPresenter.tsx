import { AimOutlined } from '@ant-design/icons';
import { Button, Switch, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { following, setFollowing } from './follow.ts';
import { useMemberRoom } from './useLiveRoom.ts';

/**
 * In the reader, while this laptop is in a live room: a switch to follow the presenter, and a button
 * to jump to what is presented. Following, a page turn moves this reader, and another document opens.
 */
export function FollowPresenter({ documentId, ready, goToPage }: { documentId: string; ready: boolean; goToPage: (pageIndex: number) => void }) {
  const { t } = useTranslation('room');
  const navigate = useNavigate();
  const room = useMemberRoom();
  const [follow, setFollow] = useState(following);
  const current = room.state.data?.joined ? (room.state.data.snapshot?.current ?? null) : null;
  const targetDoc = current?.documentId && current.page ? current.documentId : null;
  const targetPage = targetDoc ? (current?.page ?? null) : null;
  const target = targetDoc && targetPage ? { documentId: targetDoc, page: targetPage } : null;
  const last = useRef<string | null>(null);

  const jump = (to: { documentId: string; page: number }) => {
    if (to.documentId === documentId) goToPage(to.page - 1);
    else void navigate(`/documents/${to.documentId}/read`);
  };

  useEffect(() => {
    // Until the pages are laid out a jump would be lost: wait for them.
    if (!follow || !targetDoc || !targetPage || !ready) return;
    const key = `${targetDoc}:${targetPage}`;
    if (last.current === key) return;
    last.current = key;
    if (targetDoc === documentId) goToPage(targetPage - 1);
    else void navigate(`/documents/${targetDoc}/read`);
  }, [follow, targetDoc, targetPage, ready, documentId, goToPage, navigate]);

  if (!current) return null;
  return (
    <span className="ns-room-follow-bar">
      <Switch
        size="small"
        checked={follow}
        aria-label={t('member.follow')}
        onChange={(on) => {
          setFollow(on);
          setFollowing(on);
          last.current = null;
        }}
      />{' '}
      {t('member.follow')}
      {target && !follow ? (
        <Tooltip title={t('member.openPresented')}>
          <Button size="small" type="text" icon={<AimOutlined />} aria-label={t('member.openPresented')} onClick={() => jump(target)} />
        </Tooltip>
      ) : null}
    </span>
  );
}
