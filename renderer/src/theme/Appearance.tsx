import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useEffect, type ReactNode } from 'react';
import { defaultSettings } from '../../../shared/contract/index.ts';
import { applyLanguage } from '../i18n/i18n.ts';
import { useSettingsContext } from '../settings/SettingsContext.tsx';
import { antdTheme } from './antdTheme.ts';
import { useResolvedTheme } from './useResolvedTheme.ts';

/**
 * Language and theme follow the settings. Until the core has answered (or when it cannot be
 * reached) the defaults apply, so the "cannot connect" screen is still Vietnamese and styled.
 */
export function Appearance({ children }: { children: ReactNode }) {
  const { state } = useSettingsContext();
  const settings = state.status === 'ready' ? state.settings : defaultSettings;
  const language = settings['ui.language'];
  const mode = useResolvedTheme(settings['ui.theme']);

  useEffect(() => applyLanguage(language), [language]);
  useEffect(() => {
    // Read by global.css for the page background and native widgets (scrollbars) outside antd.
    document.documentElement.dataset['theme'] = mode;
  }, [mode]);

  return (
    <ConfigProvider locale={language === 'en' ? enUS : viVN} theme={antdTheme(mode)}>
      <AntApp className="ns-app">{children}</AntApp>
    </ConfigProvider>
  );
}
