import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { LiveRoomMemberStatus } from '../../shared/contract/index.ts';
import { createCore } from '../../electron/core/index.ts';
import { meetingsWorld, meetingWithDraft } from '../core/meetings-fixture.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');

function nghisu(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nghisu room (issue 15)', () => {
  async function twoFolders() {
    const w = await meetingsWorld();
    const m = await meetingWithDraft(w);
    const memberDir = tempDir();
    const member = await createCore({ dataDir: memberDir, logToFile: false });
    const profile = await member.call('profile.create', { fullName: 'Lê Đức Thắng', position: 'Giám đốc Công an tỉnh', unitName: 'Công an tỉnh', workRole: 'member' });
    await member.close();
    await w.core.call('keys.trust', { publicKey: profile.publicKey, label: 'Lê Đức Thắng', scope: { purpose: 'notes', personId: w.d.member1 } });
    await w.core.close();
    return { w, m, memberDir };
  }

  function hostRoom(dataDir: string, ...args: string[]) {
    const host = spawn(process.execPath, [BIN, '--data-dir', dataDir, '--json', 'room', 'open', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    host.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines = createInterface({ input: host.stdout })[Symbol.asyncIterator]();
    const exited = new Promise<number | null>((resolve) => host.on('exit', resolve));
    return { host, lines, exited, stderr: () => stderr };
  }

  it('a host killed mid-vote keeps every ballot counted; the next start marks the room interrupted and the vote to be taken again', async () => {
    const { w, m, memberDir } = await twoFolders();
    const { host, lines, exited } = hostRoom(w.dir, m.id, '--host', '127.0.0.1', '--vote', 'Thông qua kế hoạch năm 2027');
    try {
      const opened = JSON.parse((await lines.next()).value as string) as { url: string; fingerprint: string; voteId: string };
      const vote = nghisu('--data-dir', memberDir, '--json', 'room', 'vote', opened.url, opened.voteId, '--fingerprint', opened.fingerprint, '--choice', 'disagree');
      expect(vote.code, vote.stderr).toBe(0);
      host.kill('SIGKILL');
      await exited;
    } finally {
      host.kill('SIGKILL');
    }
    const core = await createCore({ dataDir: w.dir, logToFile: false });
    try {
      const status = await core.call('liveRoom.status', { meetingId: m.id });
      expect(status.open).toBe(false);
      expect(status.earlier[0]).toMatchObject({ endKind: 'interrupted', votes: 0, unfinished: 1 });
      // The signed ballot the host acknowledged is on disk.
      const db = new Database(core.databaseFile, { readonly: true });
      try {
        expect(db.prepare('SELECT person_id, choice FROM live_room_ballots').all()).toEqual([{ person_id: w.d.member1, choice: 'disagree' }]);
      } finally {
        db.close();
      }
    } finally {
      await core.close();
    }
  });

  it('a room whose host was killed is taken up again under its id: the member’s laptop comes back by itself and resends the secret ballot the host could not keep', async () => {
    const { w, m, memberDir } = await twoFolders();
    const first = hostRoom(w.dir, m.id, '--host', '127.0.0.1', '--vote', 'Giới thiệu nhân sự Phó Trưởng ban', '--secret');
    const member = await createCore({ dataDir: memberDir, logToFile: false });
    const seen = async (ok: (s: LiveRoomMemberStatus) => boolean, what: string) => {
      for (let i = 0; i < 600; i++) {
        const s = await member.call('liveRoom.memberStatus', {});
        if (ok(s)) return s;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${what}`);
    };
    let second: ReturnType<typeof hostRoom> | null = null;
    try {
      const opened = JSON.parse((await first.lines.next()).value as string) as { url: string; fingerprint: string; voteId: string; roomId: string };
      await member.call('liveRoom.join', { url: opened.url, fingerprint: opened.fingerprint });
      expect((await member.call('liveRoom.vote', { voteId: opened.voteId, choice: 'agree' })).ballots[opened.voteId]?.state).toBe('counted');
      first.host.kill('SIGKILL');
      await first.exited;
      await seen((s) => s.connection === 'reconnecting', 'the member to notice the host is gone');

      second = hostRoom(w.dir, m.id, '--resume');
      const line = await second.lines.next();
      expect(line.done, second.stderr()).toBe(false);
      const resumed = JSON.parse(line.value as string) as { url: string; roomId: string; fingerprint: string };
      expect(resumed).toMatchObject({ url: opened.url, roomId: opened.roomId, fingerprint: opened.fingerprint });
      // Back on its own, the member's laptop sends the secret ballot again: counted once, nobody left to recast.
      const back = await seen((s) => s.connection === 'connected' && s.snapshot?.votes[0]?.voted === 1 && !s.snapshot.votes[0].recast, 'the ballot resent');
      expect(back.snapshot!.roomId).toBe(opened.roomId);

      second.host.kill('SIGTERM');
      const closed = JSON.parse((await second.lines.next()).value as string) as { snapshot: { votes: { result: { tally: { agree: number }; secret: { voters: string[] } } }[] } };
      expect(closed.snapshot.votes[0]!.result.tally.agree).toBe(1);
      expect(closed.snapshot.votes[0]!.result.secret.voters).toEqual([w.d.member1]);
      expect(await second.exited, second.stderr()).toBe(0);
    } finally {
      first.host.kill('SIGKILL');
      second?.host.kill('SIGKILL');
      await member.close();
    }
    const core = await createCore({ dataDir: w.dir, logToFile: false });
    try {
      // One room, closed this time; nothing to resume, and saying so.
      expect((await core.call('liveRoom.status', { meetingId: m.id })).earlier).toEqual([expect.objectContaining({ endKind: 'closed', votes: 1, unfinished: 0 })]);
      await expect(core.call('liveRoom.resume', { meetingId: m.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    } finally {
      await core.close();
    }
  });

  it('opens a room on loopback, a member in another data folder joins, votes and reads the state; closing prints the result', async () => {
    const { w, m, memberDir } = await twoFolders();
    const { host, lines, exited, stderr } = hostRoom(w.dir, m.id, '--host', '127.0.0.1', '--vote', 'Thông qua Báo cáo năm 2025', '--item', m.firstItem);
    try {
      const first = await lines.next();
      expect(first.done, stderr()).toBe(false);
      const opened = JSON.parse(first.value as string) as { event: string; url: string; fingerprint: string; voteId: string };
      expect(opened).toMatchObject({ event: 'opened', url: expect.stringMatching(/^wss:\/\/127\.0\.0\.1:\d+\/$/) });

      const joined = nghisu('--data-dir', memberDir, '--json', 'room', 'join', opened.url, '--fingerprint', opened.fingerprint);
      expect(joined.code, joined.stderr).toBe(0);
      expect(JSON.parse(joined.stdout)).toMatchObject({ personId: w.d.member1 });

      const vote = nghisu('--data-dir', memberDir, '--json', 'room', 'vote', opened.url, opened.voteId, '--fingerprint', opened.fingerprint, '--choice', 'agree');
      expect(vote.code, vote.stderr).toBe(0);
      expect(JSON.parse(vote.stdout)).toMatchObject({ voteId: opened.voteId, choice: 'agree', state: 'counted' });

      const state = nghisu('--data-dir', memberDir, 'room', 'state', opened.url, '--fingerprint', opened.fingerprint);
      expect(state.code, state.stderr).toBe(0);
      expect(state.stdout).toContain('Biểu quyết');
      expect(state.stdout).toContain('đang mở, 1 phiếu');

      // A wrong pin is refused before anything is sent.
      const pinned = nghisu('--data-dir', memberDir, 'room', 'state', opened.url, '--fingerprint', opened.fingerprint.replace(/^../, opened.fingerprint.startsWith('00') ? '11' : '00'));
      expect(pinned.code).toBe(1);
      expect(pinned.stderr).toContain('[FORBIDDEN]');

      host.kill('SIGTERM');
      const second = await lines.next();
      const closed = JSON.parse(second.value as string) as { event: string; snapshot: { votes: { voteId: string; result: { tally: { agree: number; passed: boolean } } }[] }; votesForMinutes: number };
      expect(closed.event).toBe('closed');
      expect(closed.snapshot.votes[0]!.result.tally.agree).toBe(1);
      expect(closed.votesForMinutes).toBe(1);
      expect(await exited, stderr()).toBe(0);
    } finally {
      host.kill('SIGKILL');
    }

    // Nothing listens once the room is closed.
    const gone = nghisu('--data-dir', memberDir, 'room', 'join', 'wss://127.0.0.1:1/', '--fingerprint', Array.from({ length: 32 }, () => 'AB').join(':'));
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('[TRANSPORT]');
  });
});
