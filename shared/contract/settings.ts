import { z } from 'zod';

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  // The message comes from zod's locale (vi or en) chosen at validation time.
  .pipe(z.url({ protocol: /^https?$/ }));

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The update feed: https only, so nobody on the network can swap the metadata; plain http is allowed
 * only to this machine's loopback, where tests and an administrator's local mirror run.
 */
export function isAllowedUpdateUrl(url: string): boolean {
  // shared/ has no URL class; the authority is read by hand and compared exactly, so anything odd is refused.
  const match = /^(https?):\/\/([^/?#\\]*)/i.exec(url.trim());
  if (!match) return false;
  const scheme = match[1]!.toLowerCase();
  const authority = match[2]!;
  if (authority === '' || authority.includes('@')) return false;
  if (scheme === 'https') return true;
  const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.replace(/:\d*$/, '');
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

const updatesUrl = z.union([
  z.literal(''),
  httpUrl.refine(isAllowedUpdateUrl, {
    message: 'Máy chủ cập nhật phải dùng https:// / the update server must use https://',
  }),
]);

/**
 * Every setting the app knows, with its schema. Unknown keys are refused on write; a stored row of a
 * key dropped since (sync.endpointUrl, superseded by the Liên thông page) is skipped on read, so a
 * database written by an older build opens as it is.
 */
export const settingSchemas = {
  'ui.language': z.enum(['vi', 'en']),
  'ui.theme': z.enum(['light', 'dark', 'system']),
  'updates.url': updatesUrl,
  /** Địa danh on the organ's documents ("Lào Cai, ngày … tháng … năm …"): giấy mời, thông báo. */
  'documents.issuingPlace': z.string().trim().min(1, 'Cần địa danh / a place name is required').max(60),
  /** Minutes without a key press or a pointer move before the app locks itself (when a passphrase is set). */
  'security.idleMinutes': z.number().int().min(1, 'Ít nhất 1 phút / at least 1 minute').max(240, 'Nhiều nhất 240 phút / at most 240 minutes'),
  /** An open task due within this many working days is "sắp đến hạn". */
  'tasks.dueSoonWorkingDays': z.number().int().min(1, 'Ít nhất 1 ngày / at least 1 day').max(30, 'Nhiều nhất 30 ngày / at most 30 days'),
  /** Ngày chốt số liệu: a period's data window ends on this day of its last month (31: calendar months). */
  'reports.cutoffDay': z.number().int().min(1, 'Từ ngày 1 / from day 1').max(31, 'Đến ngày 31 / up to day 31'),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type Settings = { [K in SettingKey]: z.output<(typeof settingSchemas)[K]> };

export const settingKeys = Object.keys(settingSchemas) as SettingKey[];

/**
 * Settings only the administrator may change (the command line on this machine, `nghisu settings
 * set`): the page can show them but `settings.set` refuses them, so hostile content in the window
 * cannot point the updater elsewhere.
 */
export const adminSettingKeys: readonly SettingKey[] = ['updates.url'];

export function isAdminSetting(key: SettingKey): boolean {
  return adminSettingKeys.includes(key);
}

export const defaultSettings: Settings = {
  'ui.language': 'vi',
  'ui.theme': 'light',
  'updates.url': '',
  'documents.issuingPlace': 'Lào Cai',
  'security.idleMinutes': 15,
  'tasks.dueSoonWorkingDays': 3,
  'reports.cutoffDay': 14,
};

export const setSettingInput = z.discriminatedUnion('key', [
  z.object({ key: z.literal('ui.language'), value: settingSchemas['ui.language'] }).strict(),
  z.object({ key: z.literal('ui.theme'), value: settingSchemas['ui.theme'] }).strict(),
  z.object({ key: z.literal('updates.url'), value: settingSchemas['updates.url'] }).strict(),
  z.object({ key: z.literal('documents.issuingPlace'), value: settingSchemas['documents.issuingPlace'] }).strict(),
  z.object({ key: z.literal('security.idleMinutes'), value: settingSchemas['security.idleMinutes'] }).strict(),
  z.object({ key: z.literal('tasks.dueSoonWorkingDays'), value: settingSchemas['tasks.dueSoonWorkingDays'] }).strict(),
  z.object({ key: z.literal('reports.cutoffDay'), value: settingSchemas['reports.cutoffDay'] }).strict(),
]);
export type SetSettingInput = z.input<typeof setSettingInput>;
