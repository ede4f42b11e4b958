import { InvalidArgumentError, type Command } from 'commander';
import { settingKeys, type SetSettingInput, type SettingKey } from '../../../shared/contract/index.ts';
import { printResult } from '../output.ts';
import { withCore, type CommandContext } from '../with-core.ts';

function settingKey(value: string): SettingKey {
  if (!(settingKeys as string[]).includes(value)) {
    throw new InvalidArgumentError(`không có cài đặt này / unknown setting; có / known: ${settingKeys.join(', ')}`);
  }
  return value as SettingKey;
}

/**
 * The administrator's settings, including those the window may only show (`updates.url`): this
 * command runs with local access, on this machine, and calls `settings.setAdmin`.
 */
export function registerSettingsCommands(program: Command, { globals, setExit }: CommandContext): void {
  const settings = program.command('settings').description('xem và đặt cài đặt / show and change settings');

  settings
    .command('get')
    .description('một cài đặt, hoặc tất cả / one setting, or all of them')
    .argument('[key]', `khóa / key (${settingKeys.join(', ')})`, settingKey)
    .action(async (key: SettingKey | undefined) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const all = await core.call('settings.getAll', {});
          const result = key === undefined ? all : { [key]: all[key] };
          printResult(out, result, () =>
            Object.entries(result)
              .map(([k, v]) => `${k} = ${String(v)}`)
              .join('\n'),
          );
        }),
      );
    });

  settings
    .command('set')
    .description('đặt một cài đặt (chuỗi rỗng "" để bỏ) / set one setting ("" to clear)')
    .argument('<key>', `khóa / key (${settingKeys.join(', ')})`, settingKey)
    .argument('<value>', 'giá trị / value')
    .action(async (key: SettingKey, value: string) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const all = await core.call('settings.setAdmin', { key, value } as SetSettingInput);
          printResult(out, { [key]: all[key] }, () => (out.lang === 'vi' ? `Đã đặt ${key} = ${String(all[key])}` : `Set ${key} = ${String(all[key])}`));
        }),
      );
    });
}
