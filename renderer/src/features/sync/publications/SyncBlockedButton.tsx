import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import '../sync.css';

/**
 * A send button shown disabled with the reason it cannot be used (not connected, a classified
 * meeting…). A disabled button takes no pointer or focus events: the wrapper carries the tooltip
 * and the keyboard focus, so the reason is reachable without a mouse.
 */
export function SyncBlockedButton({ reason, children }: { reason: ReactNode; children: ReactNode }) {
  return (
    <Tooltip title={reason} trigger={['hover', 'focus']} rootClassName="ns-sync-tooltip">
      <span tabIndex={0} className="ns-sync-publish-blocked">
        {children}
      </span>
    </Tooltip>
  );
}
