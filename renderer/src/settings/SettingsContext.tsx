import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SetSettingInput, SettingKey, Settings } from '../../../shared/contract/index.ts';
import { useBridge } from '../bridge/BridgeContext.tsx';
import { BridgeError } from '../bridge/BridgeError.ts';

export type SettingsState =
  | { status: 'loading' }
  | { status: 'unavailable'; error: BridgeError }
  | { status: 'ready'; settings: Settings };

interface SettingsContextValue {
  state: SettingsState;
  reload(): void;
  save<K extends SettingKey>(key: K, value: Settings[K]): Promise<Settings>;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

function asBridgeError(error: unknown): BridgeError {
  if (error instanceof BridgeError) return error;
  return new BridgeError({ code: 'INTERNAL', message: { vi: String(error), en: String(error) } });
}

/**
 * Holds the settings the whole UI depends on (language, theme). They are read once at start, then
 * kept current from `settings.changed`, which also carries changes made by other windows or the CLI.
 * After a lost connection they are read again, since events sent meanwhile never arrived.
 */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const [state, setState] = useState<SettingsState>({ status: 'loading' });

  const fetchSettings = useCallback(() => {
    bridge.invoke('settings.getAll', {}).then(
      (settings) => setState({ status: 'ready', settings }),
      (error: unknown) =>
        setState((s) => (s.status === 'ready' ? s : { status: 'unavailable', error: asBridgeError(error) })),
    );
  }, [bridge]);

  /** The user asked to try again: show that something is happening, then ask the core. */
  const reload = useCallback(() => {
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    fetchSettings();
  }, [fetchSettings]);

  useEffect(() => {
    fetchSettings();
    const unsubscribeEvents = bridge.subscribe((event) => {
      if (event.event === 'settings.changed') setState({ status: 'ready', settings: event.payload.settings });
      // The whole database was replaced from a backup: what is on screen may no longer be true.
      else if (event.event === 'data.restored') fetchSettings();
    });
    let wasOpen = bridge.connectionState() === 'open';
    const unsubscribeConnection = bridge.onConnectionChange(() => {
      const open = bridge.connectionState() === 'open';
      if (open && !wasOpen) fetchSettings();
      wasOpen = open;
    });
    return () => {
      unsubscribeEvents();
      unsubscribeConnection();
    };
  }, [bridge, fetchSettings]);

  const save = useCallback(
    async <K extends SettingKey>(key: K, value: Settings[K]): Promise<Settings> => {
      // The contract's input is a union keyed by `key`; TypeScript cannot narrow a generic K into it.
      const settings = await bridge.invoke('settings.set', { key, value } as SetSettingInput);
      setState({ status: 'ready', settings });
      return settings;
    },
    [bridge],
  );

  return <SettingsContext value={{ state, reload, save }}>{children}</SettingsContext>;
}

export function useSettingsContext(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettingsContext must be used inside <SettingsProvider>');
  return value;
}

/** For screens that only render once the core has answered (everything under the router). */
export function useSettings(): Settings {
  const { state } = useSettingsContext();
  if (state.status !== 'ready') throw new Error('useSettings used before the settings were loaded');
  return state.settings;
}
