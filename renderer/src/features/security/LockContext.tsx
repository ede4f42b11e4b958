import { App as AntApp } from 'antd';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecurityStatus } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { LockScreen } from './LockScreen.tsx';
import { useIdleLock } from './useIdleLock.ts';
import { useLockShortcut } from './useLockShortcut.ts';

interface LockContextValue {
  status: SecurityStatus | null;
  /** Lock at once (the button, Ctrl+L); without a passphrase, say where to set one. */
  requestLock(): void;
  /** After the passphrase was set or changed. */
  adopt(status: SecurityStatus): void;
}

const LockContext = createContext<LockContextValue | null>(null);

/**
 * The app lock in the window. The core decides (it refuses everything but the lock screen's methods
 * while locked); this follows it: the status at start and on every `security.changed`, and a lock
 * screen in place of the app while locked. The screens are unmounted then, so nothing of them stays
 * in the page; they come back where the user was, as the address is kept.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const { t } = useTranslation('security');
  const [status, setStatus] = useState<SecurityStatus | null>(null);

  const fetchStatus = useCallback(() => {
    // Unknown until answered: the app is shown only to a known-unlocked status.
    bridge.invoke('security.status', {}).then(setStatus, () => setStatus((s) => s));
  }, [bridge]);

  // While the data waits for the passphrase, the screen holds stand-ins (default settings, no
  // profile); once it opens, the window starts afresh on the real ones, where the user was.
  const recovering = status?.keyRecovery === true;
  const recoveringRef = useRef(recovering);
  useEffect(() => {
    recoveringRef.current = recovering;
  }, [recovering]);
  const adoptUnlocked = useCallback((next: SecurityStatus) => {
    if (recoveringRef.current && !next.keyRecovery) window.location.reload();
    else setStatus(next);
  }, []);

  useEffect(() => {
    fetchStatus();
    const unsubscribe = bridge.subscribe((event) => {
      if (recoveringRef.current && (event.event === 'security.changed' || event.event === 'data.restored')) window.location.reload();
      else if (event.event === 'security.changed') setStatus(event.payload);
      else if (event.event === 'settings.changed' && event.payload.key === 'security.idleMinutes') {
        setStatus((s) => s && { ...s, idleMinutes: event.payload.settings['security.idleMinutes'] });
      } else if (event.event === 'data.restored') fetchStatus();
    });
    // A core that restarted (or a host reconnected) starts locked when a passphrase is set.
    let wasOpen = bridge.connectionState() === 'open';
    const unsubscribeConnection = bridge.onConnectionChange(() => {
      const open = bridge.connectionState() === 'open';
      if (open && !wasOpen) fetchStatus();
      wasOpen = open;
    });
    return () => {
      unsubscribe();
      unsubscribeConnection();
    };
  }, [bridge, fetchStatus]);

  // The core is told after the lock screen has replaced the screens: their unmount (an editor
  // flushing its last save) runs in that commit, before this effect, so the save reaches the core first.
  const coreToLock = useRef(false);
  const locked = status?.locked ?? false;
  useEffect(() => {
    if (!locked || !coreToLock.current) return;
    coreToLock.current = false;
    bridge.invoke('security.lock', {}).catch(fetchStatus);
  }, [bridge, fetchStatus, locked]);

  const lockNow = useCallback(() => {
    if (!status?.passphraseSet || status.locked) return;
    coreToLock.current = true;
    setStatus({ ...status, locked: true });
  }, [status]);

  const requestLock = useCallback(() => {
    if (status?.passphraseSet) lockNow();
    else void message.info(t('noPassphrase'), 6);
  }, [lockNow, message, status, t]);

  const unlocked = status !== null && !status.locked;
  useIdleLock(unlocked && status.passphraseSet ? status.idleMinutes : null, lockNow);
  useLockShortcut(unlocked, requestLock);

  return (
    <LockContext value={{ status, requestLock, adopt: setStatus }}>
      {status === null ? null : status.locked ? <LockScreen onUnlocked={adoptUnlocked} recovery={recovering} /> : children}
    </LockContext>
  );
}

export function useAppLock(): LockContextValue {
  const value = useContext(LockContext);
  if (!value) throw new Error('useAppLock must be used inside <LockGate>');
  return value;
}
