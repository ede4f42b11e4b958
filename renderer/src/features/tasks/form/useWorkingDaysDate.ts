import { useEffect, useState } from 'react';
import { useBridge } from '../../../bridge/BridgeContext.tsx';

/**
 * The date N working days after a day, as the core counts them (weekends, public holidays and the
 * administrator's changes): shown while the user types the number. Null while unknown.
 */
export function useWorkingDaysDate(from: string | null, days: number | null, enabled: boolean): { date: string | null; loading: boolean } {
  const bridge = useBridge();
  const [answer, setAnswer] = useState<{ key: string; date: string | null } | null>(null);
  const key = enabled && from && days && days > 0 ? `${from}+${days}` : null;

  useEffect(() => {
    if (!key || !from || !days) return;
    let live = true;
    const timer = window.setTimeout(() => {
      bridge.invoke('calendar.addDays', { from, days }).then(
        (result) => live && setAnswer({ key, date: result.date }),
        () => live && setAnswer({ key, date: null }),
      );
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [bridge, key, from, days]);

  if (!key) return { date: null, loading: false };
  return answer?.key === key ? { date: answer.date, loading: false } : { date: null, loading: true };
}
