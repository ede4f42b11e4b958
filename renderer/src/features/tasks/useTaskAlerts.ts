import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import type { TaskAlerts } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';

const EVERY_MS = 60_000;

/**
 * What waits for the standing office, for the navigation's badge: read again on every navigation,
 * every minute and when tasks change. Null until known, and when the core cannot answer (locked, reconnecting): a
 * badge is a hint, never an error.
 */
export function useTaskAlerts(): TaskAlerts | null {
  const bridge = useBridge();
  const { pathname } = useLocation();
  const [alerts, setAlerts] = useState<TaskAlerts | null>(null);

  useEffect(() => {
    let live = true;
    const read = () => {
      bridge.invoke('tasks.alerts', {}).then(
        (next) => live && setAlerts(next),
        () => undefined,
      );
    };
    read();
    const timer = window.setInterval(read, EVERY_MS);
    // A task changed here, in another window or from the command line: the badge follows at once.
    const unsubscribe = bridge.subscribe((event) => {
      if (event.event === 'data.restored' || (event.event === 'data.changed' && event.payload.area === 'tasks')) read();
    });
    return () => {
      live = false;
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [bridge, pathname]);

  return alerts;
}

/** The number on the badge: overdue tasks, extension requests and reported completions waiting. */
export function alertCount(alerts: TaskAlerts | null): number {
  return alerts ? alerts.overdue + alerts.extensionsPending + alerts.completionsPending : 0;
}
