import {
  CalendarOutlined,
  CloudSyncOutlined,
  ContactsOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  ScheduleOutlined,
  SearchOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';

export type AreaKey = 'meetings' | 'documents' | 'tasks' | 'plans' | 'search' | 'sync' | 'directory' | 'settings';

export interface Area {
  key: AreaKey;
  path: `/${AreaKey}`;
  icon: ComponentType;
  /** The digit of its Ctrl+digit shortcut. */
  shortcut: number;
}

/**
 * The order here is the order of the menu. Ctrl+1 … Ctrl+7 keep the areas they have always opened;
 * Kế hoạch, chỉ tiêu, added later beside Nhiệm vụ, takes Ctrl+8 rather than move the others.
 */
export const areas: readonly Area[] = [
  { key: 'meetings', path: '/meetings', icon: CalendarOutlined, shortcut: 1 },
  { key: 'documents', path: '/documents', icon: FileTextOutlined, shortcut: 2 },
  { key: 'tasks', path: '/tasks', icon: ScheduleOutlined, shortcut: 3 },
  { key: 'plans', path: '/plans', icon: FundProjectionScreenOutlined, shortcut: 8 },
  { key: 'search', path: '/search', icon: SearchOutlined, shortcut: 4 },
  { key: 'sync', path: '/sync', icon: CloudSyncOutlined, shortcut: 5 },
  { key: 'directory', path: '/directory', icon: ContactsOutlined, shortcut: 6 },
  { key: 'settings', path: '/settings', icon: SettingOutlined, shortcut: 7 },
];

export const HOME_PATH = '/meetings';
