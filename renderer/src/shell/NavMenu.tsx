import { Badge, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { alertCount, useTaskAlerts } from '../features/tasks/useTaskAlerts.ts';
import { areas } from './areas.ts';

const TASK_ALERTS_ID = 'ns-nav-task-alerts';

/** antd's Menu for the look; real links inside so each area is a plain, addressable link. */
export function NavMenu() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const selected = areas.find((a) => pathname === a.path || pathname.startsWith(`${a.path}/`));
  // What waits on the tasks: a badge beside "Nhiệm vụ", described to screen readers, not part of its name.
  const { t: tasksT } = useTranslation('tasks');
  const alerts = useTaskAlerts();
  const waiting = alertCount(alerts);
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        theme="dark"
        mode="inline"
        // The links inside are the tab stops; a focusable list around them would be an invisible extra one.
        tabIndex={-1}
        selectedKeys={selected ? [selected.key] : []}
        items={areas.map((area) => ({
          key: area.key,
          icon: <area.icon />,
          title: `${t(`nav.${area.key}`)} (Ctrl+${area.shortcut})`,
          label:
            area.key === 'tasks' && alerts && waiting > 0 ? (
              <NavLink to={area.path} aria-describedby={TASK_ALERTS_ID} className="ns-nav-with-badge">
                {t(`nav.${area.key}`)}
                <Badge count={waiting} overflowCount={99} className="ns-nav-badge" aria-hidden />
                <span id={TASK_ALERTS_ID} hidden>
                  {tasksT('alerts.badge', { overdue: alerts.overdue, extensions: alerts.extensionsPending, completions: alerts.completionsPending })}
                </span>
              </NavLink>
            ) : (
              <NavLink to={area.path}>{t(`nav.${area.key}`)}</NavLink>
            ),
        }))}
      />
    </nav>
  );
}
