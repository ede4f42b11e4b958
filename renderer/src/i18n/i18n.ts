import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Settings } from '../../../shared/contract/index.ts';
import { en } from './en.ts';
import { annotations as enAnnotations } from './en/annotations.ts';
import { audit as enAudit } from './en/audit.ts';
import { help as enHelp } from './en/help.ts';
import { directory as enDirectory } from './en/directory.ts';
import { documents as enDocuments } from './en/documents.ts';
import { meetings as enMeetings } from './en/meetings.ts';
import { minutes as enMinutes } from './en/minutes.ts';
import { opinions as enOpinions } from './en/opinions.ts';
import { packs as enPacks } from './en/packs.ts';
import { plans as enPlans } from './en/plans.ts';
import { reader as enReader } from './en/reader.ts';
import { room as enRoom } from './en/room.ts';
import { security as enSecurity } from './en/security.ts';
import { sync as enSync } from './en/sync.ts';
import { tasks as enTasks } from './en/tasks.ts';
import { vi } from './vi.ts';
import { annotations as viAnnotations } from './vi/annotations.ts';
import { audit as viAudit } from './vi/audit.ts';
import { help as viHelp } from './vi/help.ts';
import { directory as viDirectory } from './vi/directory.ts';
import { documents as viDocuments } from './vi/documents.ts';
import { meetings as viMeetings } from './vi/meetings.ts';
import { minutes as viMinutes } from './vi/minutes.ts';
import { opinions as viOpinions } from './vi/opinions.ts';
import { packs as viPacks } from './vi/packs.ts';
import { plans as viPlans } from './vi/plans.ts';
import { reader as viReader } from './vi/reader.ts';
import { room as viRoom } from './vi/room.ts';
import { security as viSecurity } from './vi/security.ts';
import { sync as viSync } from './vi/sync.ts';
import { tasks as viTasks } from './vi/tasks.ts';

/** One namespace per feature area, so each area keeps its own texts file. */
export const resources = {
  vi: { translation: vi, directory: viDirectory, meetings: viMeetings, minutes: viMinutes, documents: viDocuments, packs: viPacks, reader: viReader, annotations: viAnnotations, audit: viAudit, help: viHelp, security: viSecurity, tasks: viTasks, plans: viPlans, sync: viSync, room: viRoom, opinions: viOpinions },
  en: { translation: en, directory: enDirectory, meetings: enMeetings, minutes: enMinutes, documents: enDocuments, packs: enPacks, reader: enReader, annotations: enAnnotations, audit: enAudit, help: enHelp, security: enSecurity, tasks: enTasks, plans: enPlans, sync: enSync, room: enRoom, opinions: enOpinions },
};

export type UiLanguage = Settings['ui.language'];

// Resources are bundled, so initialise synchronously: the first render (and the error boundary,
// which may render before any setting is read) already has Vietnamese text.
void i18next.use(initReactI18next).init({
  resources,
  ns: ['translation', 'directory', 'meetings', 'minutes', 'documents', 'packs', 'reader', 'annotations', 'audit', 'help', 'security', 'tasks', 'plans', 'sync', 'room', 'opinions'],
  defaultNS: 'translation',
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function applyLanguage(language: UiLanguage): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): UiLanguage {
  return i18next.language === 'en' ? 'en' : 'vi';
}

export { i18next };
