import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { publishedMeeting } from '../support/published-meeting.ts';
import { Database } from '../support/sqlite.ts';
import { dropTablesAfter } from '../support/schema-rollback.ts';
import { tempDir } from '../support/temp-dir.ts';
import { coresClosedAfterEach } from '../support/open-core.ts';

const open = coresClosedAfterEach();

describe('trust from before keys had purposes (migration 5)', () => {
  it('keeps pack trust only for the committees already received from a key, and no notes trust', async () => {
    const s = await publishedMeeting(await open());
    const file = join(tempDir(), 'goi.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file });
    const notesAuthor = await open();
    const author = await notesAuthor.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở Giao thông vận tải', workRole: 'member' });

    const memberDir = tempDir();
    const m = await createCore({ dataDir: memberDir, logToFile: false });
    await m.call('profile.create', { fullName: 'Phạm Văn Dũng', position: 'Giám đốc Sở', unitName: 'Sở Tài chính', workRole: 'member' });
    await m.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo' } });
    await m.call('packs.importFile', { file });
    await m.call('keys.trust', { publicKey: author.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo' } });
    await m.close();

    // As a database before migration 5 had it: one list of keys, trusted for everything, and none
    // of the tables later migrations add (they run again on reopening).
    const db = new Database(join(memberDir, DATABASE_FILE));
    dropTablesAfter(db, 4);
    db.close();

    const reopened = await open(memberDir);
    const keys = await reopened.call('keys.listTrusted', {});
    expect(keys).toHaveLength(2);
    const secretariat = keys.find((k) => k.publicKey === s.publicKey)!;
    expect(secretariat.grants).toEqual([
      { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo các dự án trọng điểm', grantedAt: secretariat.acceptedAt },
    ]);
    // A key that never brought a pack is trusted for nothing until the user says what for.
    expect(keys.find((k) => k.publicKey === author.publicKey)!.grants).toEqual([]);
    expect(await reopened.call('packs.importFile', { file, dryRun: true })).toMatchObject({ signer: { trusted: true } });
  });
});
