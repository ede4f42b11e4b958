import { z } from 'zod';

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  // The message comes from zod's locale (vi or en) chosen at validation time.
  .pipe(z.url({ protocol: /^https?$/ }));

/** An optional URL: empty string means "not configured". */
const optionalUrl = z.union([z.literal(''), httpUrl]);

/** Every setting the app knows, with its schema. Unknown keys are refused. */
export const settingSchemas = {
  'ui.language': z.enum(['vi', 'en']),
  'ui.theme': z.enum(['light', 'dark', 'system']),
  'updates.url': optionalUrl,
  'sync.endpointUrl': optionalUrl,
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type Settings = { [K in SettingKey]: z.output<(typeof settingSchemas)[K]> };

export const settingKeys = Object.keys(settingSchemas) as SettingKey[];

export const defaultSettings: Settings = {
  'ui.language': 'vi',
  'ui.theme': 'light',
  'updates.url': '',
  'sync.endpointUrl': '',
};

export const setSettingInput = z.discriminatedUnion('key', [
  z.object({ key: z.literal('ui.language'), value: settingSchemas['ui.language'] }).strict(),
  z.object({ key: z.literal('ui.theme'), value: settingSchemas['ui.theme'] }).strict(),
  z.object({ key: z.literal('updates.url'), value: settingSchemas['updates.url'] }).strict(),
  z.object({ key: z.literal('sync.endpointUrl'), value: settingSchemas['sync.endpointUrl'] }).strict(),
]);
export type SetSettingInput = z.input<typeof setSettingInput>;
