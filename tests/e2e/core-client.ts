import WebSocket from 'ws';
import {
  defaultSettings,
  isAdminSetting,
  settingKeys,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type ResponseEnvelope,
  type SetSettingInput,
} from '../../shared/contract/index.ts';
import { hostUrl } from './env.ts';

/**
 * A second client of the same host, outside the page: lets a test set the stage and check what the
 * core really stored, rather than trusting what the screen shows.
 */
export async function callCore<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const page = new URL(hostUrl());
  const token = page.searchParams.get('token') ?? '';
  const ws = new WebSocket(`ws://${page.host}/bridge?token=${encodeURIComponent(token)}`, { origin: page.origin });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const reply = new Promise<ResponseEnvelope>((resolve) => {
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string };
        if (message.type === 'response') resolve(message as ResponseEnvelope);
      });
    });
    ws.send(JSON.stringify({ type: 'request', id: 1, method, input }));
    const response = await reply;
    if (!response.ok) throw new Error(`${method} failed: ${response.error.code} ${response.error.message.en}`);
    return response.result as MethodOutput<M>;
  } finally {
    ws.close();
  }
}

/** The page's settings back to their defaults; the administrator's (updates.url) are not the page's to set, and no test sets them. */
export async function resetSettings(): Promise<void> {
  for (const key of settingKeys.filter((k) => !isAdminSetting(k))) {
    await callCore('settings.set', { key, value: defaultSettings[key] } as SetSettingInput);
  }
}
