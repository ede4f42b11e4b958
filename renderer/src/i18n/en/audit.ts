import type { audit as vi } from '../vi/audit.ts';

/** English texts of the audit log screen (namespace 'audit'). */
export const audit: typeof vi = {
  title: 'Audit log',
  intro:
    'Every change, export, backup and restore on this computer, with who made it. Each entry holds the hash of the one before, so an entry edited or removed outside the app is found when the log is verified.',
  openFromSettings: 'Open the audit log',
  settingsCard: 'Audit log',
  settingsCardText: 'See who changed what and when, check that the log has not been tampered with, export it to Excel for an inspection.',
  filters: {
    actor: 'Person',
    anyActor: 'Everyone',
    area: 'Area',
    anyArea: 'All actions',
    days: 'Period',
    from: 'From',
    to: 'To',
    clear: 'Clear filters',
  },
  columns: {
    seq: 'No.',
    at: 'Time',
    actor: 'Person',
    action: 'Action',
    detail: 'Details',
  },
  app: 'The app',
  total: '{{count}} entries in all',
  verify: 'Verify integrity',
  verifying: 'Checking the hash chain…',
  intact: 'The log is intact: {{count}} entries, the hash chain holds.',
  head: 'Last entry: no. {{seq}}, hash {{hash}}',
  tampered: 'The log has been altered outside the app ({{count}} problems)',
  tamperedHow: 'Tell the administrator at once and leave the computer as it is; do not restore data before it has been examined.',
  export: 'Export to Excel',
  exported: 'Exported {{fileName}}.',
  empty: 'No entries match the filters.',
  emptyHint: 'Every change you make in the app (meetings, documents, directory, settings…) shows here.',
  refresh: 'Refresh',
};
