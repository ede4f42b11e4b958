import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Profile, WorkRole } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';

export type ProfileState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; profile: Profile | null };

interface ProfileContextValue {
  state: ProfileState;
  reload(): void;
  /** After the welcome form created the profile: show the app at once. */
  adopt(profile: Profile): void;
}

const ProfileContext = createContext<ProfileContextValue | null>(null);

/**
 * The local profile (who uses this computer), read once and kept current from `data.changed`
 * {area: 'profile'}, a restore, or a reconnection.
 */
export function ProfileProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const [state, setState] = useState<ProfileState>({ status: 'loading' });

  const fetchProfile = useCallback(() => {
    bridge.invoke('profile.get', {}).then(
      (profile) => setState({ status: 'ready', profile }),
      (error: unknown) => setState((s) => (s.status === 'ready' ? s : { status: 'failed', error })),
    );
  }, [bridge]);

  const reload = useCallback(() => {
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    fetchProfile();
  }, [fetchProfile]);

  useEffect(() => {
    fetchProfile();
    const unsubscribe = bridge.subscribe((event) => {
      if (event.event === 'data.restored' || (event.event === 'data.changed' && event.payload.area === 'profile')) fetchProfile();
    });
    let wasOpen = bridge.connectionState() === 'open';
    const unsubscribeConnection = bridge.onConnectionChange(() => {
      const open = bridge.connectionState() === 'open';
      if (open && !wasOpen) fetchProfile();
      wasOpen = open;
    });
    return () => {
      unsubscribe();
      unsubscribeConnection();
    };
  }, [bridge, fetchProfile]);

  const adopt = useCallback((profile: Profile) => setState({ status: 'ready', profile }), []);
  return <ProfileContext value={{ state, reload, adopt }}>{children}</ProfileContext>;
}

export function useProfileContext(): ProfileContextValue {
  const value = useContext(ProfileContext);
  if (!value) throw new Error('useProfileContext must be used inside <ProfileProvider>');
  return value;
}

export interface CurrentProfile {
  profile: Profile;
  workRole: WorkRole;
  isSecretariat: boolean;
}

/**
 * Who is using the app, for any screen under the first-run gate (everything in the router):
 * e.g. `const { isSecretariat } = useProfile()` to offer preparing meetings only to the secretariat.
 */
export function useProfile(): CurrentProfile {
  const { state } = useProfileContext();
  if (state.status !== 'ready' || !state.profile) throw new Error('useProfile used outside the first-run gate');
  const { profile } = state;
  return { profile, workRole: profile.workRole, isSecretariat: profile.workRole === 'secretariat' };
}
