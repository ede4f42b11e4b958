import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure } from '../support/core-failure.ts';
import { publishedMeeting } from '../support/published-meeting.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { coresClosedAfterEach } from '../support/open-core.ts';

const open = coresClosedAfterEach();

function audit(dir: string, action: string) {
  const db = new Database(join(dir, 'nghisu.db'), { readonly: true });
  try {
    return (db.prepare('SELECT entity_id, detail FROM audit_log WHERE action = ? ORDER BY rowid').all(action) as { entity_id: string; detail: string }[]).map((r) => ({
      id: r.entity_id,
      ...(JSON.parse(r.detail) as Record<string, unknown>),
    }));
  } finally {
    db.close();
  }
}

describe('a meeting pack carrying Mật documents (issue 11, defect 8)', () => {
  it('is refused without a reason, writes nothing, and with one records each document’s release before the pack', async () => {
    const dir = tempDir();
    const s = await publishedMeeting(await open(dir));
    const attached = await s.core.call('documents.listForMeeting', { meetingId: s.meetingId });
    expect(attached.length).toBeGreaterThan(0);
    const secret = attached[0]!.document;
    await s.core.call('documents.update', { id: secret.id, classification: 'secret' });

    const refused = await failure(s.core.call('packs.export', { meetingId: s.meetingId }));
    expect(refused.code).toBe('CLASSIFIED');
    expect(refused.details).toMatchObject({ classification: 'secret', channel: 'pack', documentIds: [secret.id] });
    expect(refused.message).toContain(secret.fileName);
    const file = join(tempDir(), 'goi.nghisu');
    expect((await failure(s.core.call('packs.exportFile', { meetingId: s.meetingId, file }))).code).toBe('CLASSIFIED');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(dir, 'exports')) ? readdirSync(join(dir, 'exports')) : []).toEqual([]);
    expect(audit(dir, 'classified.release')).toEqual([]);
    expect(audit(dir, 'packs.export')).toEqual([]);

    const reason = 'Gửi thành viên Ban Chỉ đạo dự họp ngày 07/12';
    const built = await s.core.call('packs.exportFile', { meetingId: s.meetingId, file, releaseClassified: { reason } });
    expect(built.documents).toBe(attached.length);
    expect(audit(dir, 'classified.release')).toEqual([expect.objectContaining({ id: secret.id, channel: 'pack', classification: 'secret', reason })]);
    expect(audit(dir, 'packs.export')).toHaveLength(1);

    // The member gets the document still marked Tối mật.
    const m = await open();
    await m.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở Giao thông vận tải', workRole: 'member' });
    await m.call('packs.importFile', { file, trustSigner: true });
    expect((await m.call('documents.get', { id: secret.id })).classification).toBe('secret');
  });

  it('needs no reason when every document is Thường', async () => {
    const s = await publishedMeeting(await open());
    expect((await s.core.call('packs.export', { meetingId: s.meetingId })).documents).toBeGreaterThan(0);
  });
});
