import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { Page } from '../../shell/Page.tsx';
import { CatalogsTab } from './catalogs/CatalogsTab.tsx';
import { CommitteeDetail } from './committees/CommitteeDetail.tsx';
import { CommitteesTab } from './committees/CommitteesTab.tsx';
import { PeopleTab } from './people/PeopleTab.tsx';
import { MyProfileTab } from './profile/MyProfileTab.tsx';
import { RoomsTab } from './rooms/RoomsTab.tsx';
import { UnitsTab } from './units/UnitsTab.tsx';
import './directory.css';

const tabKeys = ['units', 'people', 'committees', 'rooms', 'catalogs', 'profile'] as const;
type TabKey = (typeof tabKeys)[number];

function isTabKey(value: string | undefined): value is TabKey {
  return (tabKeys as readonly string[]).includes(value ?? '');
}

/** Danh mục: one page, a tab per list, each tab its own address so it survives a reload. */
export function DirectoryPage() {
  const { t } = useTranslation('directory');
  const navigate = useNavigate();
  const { tab: tabParam, committeeId } = useParams();
  const tab = committeeId ? 'committees' : tabParam;
  if (!isTabKey(tab)) return <Navigate to="/directory/units" replace />;

  const content: Record<TabKey, React.ReactNode> = {
    units: <UnitsTab />,
    people: <PeopleTab />,
    committees: committeeId ? <CommitteeDetail id={committeeId} /> : <CommitteesTab />,
    rooms: <RoomsTab />,
    catalogs: <CatalogsTab />,
    profile: <MyProfileTab />,
  };

  return (
    <Page title={t('title')} intro={t('intro')}>
      <Tabs
        className="ns-dir-tabs"
        activeKey={tab}
        destroyOnHidden
        aria-label={t('tabs.label')}
        onChange={(key) => void navigate(`/directory/${key}`)}
        items={tabKeys.map((key) => ({ key, label: t(`tabs.${key}`), children: key === tab ? content[key] : null }))}
      />
    </Page>
  );
}
