import { Layout, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useSearchShortcut } from '../features/documents/search/useSearchShortcut.ts';
import { useHelpShortcut } from '../features/help/useHelpShortcut.ts';
import { prewarmReader } from '../features/reader/prewarm.ts';
import { LockButton } from '../features/security/LockButton.tsx';
import { SyncIndicator } from '../features/sync/indicator/SyncIndicator.tsx';
import { SyncStatusProvider } from '../features/sync/SyncStatusContext.tsx';
import { Brand } from './Brand.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { NavMenu } from './NavMenu.tsx';
import { PAGE_HEADING_ID } from './Page.tsx';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink.tsx';
import { useAreaShortcuts } from './useAreaShortcuts.ts';
import { useFileDropGuard } from './useFileDropGuard.ts';
import './shell.css';

export function AppShell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const previousPath = useRef<string | null>(null);
  useAreaShortcuts();
  useSearchShortcut();
  useHelpShortcut();
  useFileDropGuard();
  useEffect(prewarmReader, []);

  useEffect(() => {
    // Move focus to the new page's heading so keyboard and screen-reader users land on it; not on
    // first load (nor its redirect from "/"), where focus belongs to the document start and the skip link.
    const previous = previousPath.current;
    previousPath.current = pathname;
    if (previous === null || previous === '/') return;
    document.getElementById(PAGE_HEADING_ID)?.focus();
  }, [pathname]);

  return (
    <SyncStatusProvider>
      <Layout className="ns-shell" hasSider>
        <SkipLink />
        <Layout.Sider width={232} className="ns-sider">
          <Brand />
          <NavMenu />
          <SyncIndicator />
          <LockButton />
          <Typography.Text className="ns-shortcuts-hint">{t('nav.shortcutsHint')}</Typography.Text>
        </Layout.Sider>
        <Layout className="ns-main-column">
          <ConnectionBanner />
          <Layout.Content id={MAIN_CONTENT_ID} tabIndex={-1} className="ns-content">
            <Outlet />
          </Layout.Content>
        </Layout>
      </Layout>
    </SyncStatusProvider>
  );
}
