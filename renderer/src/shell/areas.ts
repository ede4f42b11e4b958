import {
  CalendarOutlined,
  CloudSyncOutlined,
  ContactsOutlined,
  FileTextOutlined,
  ScheduleOutlined,
  SearchOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';

export type AreaKey = 'meetings' | 'documents' | 'tasks' | 'search' | 'sync' | 'directory' | 'settings';

export interface Area {
  key: AreaKey;
  path: `/${AreaKey}`;
  icon: ComponentType;
}

/** The order here is the order of the menu and of the Ctrl+1 … Ctrl+7 shortcuts. */
export const areas: readonly Area[] = [
  { key: 'meetings', path: '/meetings', icon: CalendarOutlined },
  { key: 'documents', path: '/documents', icon: FileTextOutlined },
  { key: 'tasks', path: '/tasks', icon: ScheduleOutlined },
  { key: 'search', path: '/search', icon: SearchOutlined },
  { key: 'sync', path: '/sync', icon: CloudSyncOutlined },
  { key: 'directory', path: '/directory', icon: ContactsOutlined },
  { key: 'settings', path: '/settings', icon: SettingOutlined },
];

export const HOME_PATH = '/meetings';
