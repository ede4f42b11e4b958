import { useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import type { AppBridge } from './bridge/AppBridge.ts';
import { BridgeProvider } from './bridge/BridgeContext.tsx';
import { ReleaseAskProvider } from './common/classified-release/ReleaseAsk.tsx';
import { AppErrorBoundary } from './errors/AppErrorBoundary.tsx';
import { CoreGate } from './errors/CoreGate.tsx';
import { ProfileGate } from './features/directory/ProfileGate.tsx';
import { ProfileProvider } from './features/directory/ProfileContext.tsx';
import { LockGate } from './features/security/LockContext.tsx';
import { routes } from './routes.tsx';
import { SettingsProvider } from './settings/SettingsContext.tsx';
import { Appearance } from './theme/Appearance.tsx';

export function App({ bridge }: { bridge: AppBridge }) {
  // Hash routing works the same under Electron's app:// protocol and the browser host.
  const [router] = useState(() => createHashRouter(routes));
  return (
    <AppErrorBoundary>
      <BridgeProvider bridge={bridge}>
        <SettingsProvider>
          <Appearance>
            <CoreGate>
              <ProfileProvider>
                {/* The lock before the welcome: a folder whose data waits for the passphrase has no profile to show yet. */}
                <LockGate>
                  <ProfileGate>
                    <ReleaseAskProvider>
                      <RouterProvider router={router} />
                    </ReleaseAskProvider>
                  </ProfileGate>
                </LockGate>
              </ProfileProvider>
            </CoreGate>
          </Appearance>
        </SettingsProvider>
      </BridgeProvider>
    </AppErrorBoundary>
  );
}
