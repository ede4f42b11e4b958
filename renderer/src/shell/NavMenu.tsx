import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { areas } from './areas.ts';

/** antd's Menu for the look; real links inside so each area is a plain, addressable link. */
export function NavMenu() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const selected = areas.find((a) => pathname === a.path || pathname.startsWith(`${a.path}/`));
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        theme="dark"
        mode="inline"
        // The links inside are the tab stops; a focusable list around them would be an invisible extra one.
        tabIndex={-1}
        selectedKeys={selected ? [selected.key] : []}
        items={areas.map((area, index) => ({
          key: area.key,
          icon: <area.icon />,
          title: `${t(`nav.${area.key}`)} (Ctrl+${index + 1})`,
          label: <NavLink to={area.path}>{t(`nav.${area.key}`)}</NavLink>,
        }))}
      />
    </nav>
  );
}
