import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveRoomMemberStatus } from '../../shared/contract/index.ts';
import type { MinutesContent } from '../../shared/minutes/document.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { Database } from '../support/sqlite.ts';
import { loopbackMulticast } from '../support/loopback-multicast.ts';
import { tempDir } from '../support/temp-dir.ts';
import { meetingsWorld, meetingWithDraft, refused, type MeetingsWorld } from './meetings-fixture.ts';

/**
 * The live room between real cores (issue 15): a host laptop's core and members' cores, each on its
 * own data folder, over TLS on loopback — joining with the profile key the secretariat trusts,
 * attendance following the room, speakers, named and secret votes kept in the host's database, the
 * results going into the minutes, and a member who loses the network and comes back.
 */
const cores: Core[] = [];
const multicast = await loopbackMulticast();
const proxies: Server[] = [];

afterEach(async () => {
  for (const c of cores.splice(0).reverse()) await c.close();
  for (const p of proxies.splice(0)) p.close();
});

async function memberCore(w: MeetingsWorld, fullName: string, personId: string | null): Promise<Core> {
  const core = await createCore({ dataDir: tempDir(), logToFile: false });
  cores.push(core);
  const profile = await core.call('profile.create', { fullName, position: 'Thành viên Ban Chỉ đạo', unitName: 'Sở', workRole: 'member' });
  if (personId) await w.core.call('keys.trust', { publicKey: profile.publicKey, label: fullName, scope: { purpose: 'notes', personId } });
  return core;
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const memberSees = (core: Core, ok: (s: LiveRoomMemberStatus) => boolean, what: string) => until(() => core.call('liveRoom.memberStatus', {}), ok, what);

/** A host meeting in progress with its draft, the room open on loopback, and two members trusted. */
async function openRoom() {
  const w = await meetingsWorld();
  cores.push(w.core);
  const m = await meetingWithDraft(w);
  const room = await w.core.call('liveRoom.open', { meetingId: m.id, host: '127.0.0.1' });
  const thang = await memberCore(w, 'Lê Đức Thắng', w.d.member1);
  const anh = await memberCore(w, 'Phạm Thị Ngọc Ánh', w.d.member2);
  return { w, m, room, thang, anh, join: { url: room.url!, fingerprint: room.fingerprint! } };
}

/** A TCP relay between a member and the host that the test can cut and mend, like a Wi-Fi dropping. */
async function relay(target: string): Promise<{ url: string; cut(): void; mend(): Promise<void> }> {
  const { hostname, port } = new URL(target.replace('wss:', 'https:'));
  const sockets = new Set<Socket>();
  let server: Server;
  let listenPort = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = tcpConnect(Number(port), hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      proxies.push(server);
      server.listen(listenPort, '127.0.0.1', () => {
        listenPort = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    url: `wss://127.0.0.1:${listenPort}/`,
    cut() {
      server.close();
      for (const s of sockets) s.destroy();
    },
    mend: listen,
  };
}

describe('the live room between laptops (issue 15)', () => {
  it('members join by key, follow the item and page, speak, vote by name; the minutes get the result with the voters', async () => {
    const { w, m, room, thang, anh, join } = await openRoom();
    expect(room.open).toBe(true);
    expect(room.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/$/);
    expect(room.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const joined = await thang.call('liveRoom.join', join);
    expect(joined).toMatchObject({ joined: true, connection: 'connected', personId: w.d.member1 });
    expect(joined.snapshot!.participants.map((p) => p.name)).toContain('Lê Đức Thắng');
    // Joining is checking in: the attendance list and the quorum follow.
    const participants = (await w.core.call('meetings.get', { id: m.id })).participants;
    expect(participants.find((p) => p.personId === w.d.member1)?.attendance).toBe('present');
    expect(participants.find((p) => p.personId === w.d.member2)?.attendance).toBeNull();

    await w.core.call('liveRoom.setCurrent', { meetingId: m.id, itemId: m.firstItem, page: 3 });
    const following = await memberSees(thang, (s) => s.snapshot?.current.page === 3, 'the page turn');
    expect(following.snapshot!.current.itemId).toBe(m.firstItem);

    const asked = await thang.call('liveRoom.requestFloor', { itemId: m.firstItem, kind: 'speak' });
    let host = await w.core.call('liveRoom.status', { meetingId: m.id });
    expect(host.snapshot!.waiting.map((r) => r.requestId)).toEqual([asked.requestId]);
    host = await w.core.call('liveRoom.giveFloor', { meetingId: m.id, requestId: asked.requestId });
    expect(host.snapshot!.speaker).toMatchObject({ personId: w.d.member1 });
    await memberSees(thang, (s) => s.snapshot?.speaking === asked.requestId, 'the floor given');
    await w.core.call('liveRoom.endSpeech', { meetingId: m.id });

    await anh.call('liveRoom.join', join);
    await w.core.call('liveRoom.checkIn', { meetingId: m.id, personId: w.d.head });
    const opened = await w.core.call('liveRoom.openVote', { meetingId: m.id, itemId: m.firstItem, title: 'Thông qua Báo cáo kết quả công tác năm 2025', secret: false });
    await memberSees(thang, (s) => s.snapshot?.votes.some((v) => v.voteId === opened.voteId) ?? false, 'the vote opened');
    expect((await thang.call('liveRoom.vote', { voteId: opened.voteId, choice: 'disagree' })).ballots[opened.voteId]?.state).toBe('counted');
    // A change of mind before closing replaces the ballot.
    expect((await thang.call('liveRoom.vote', { voteId: opened.voteId, choice: 'agree' })).ballots[opened.voteId]).toMatchObject({ choice: 'agree', state: 'counted' });
    await anh.call('liveRoom.vote', { voteId: opened.voteId, choice: 'other', text: 'Đề nghị bổ sung số liệu quý IV' });
    const closed = await w.core.call('liveRoom.closeVote', { meetingId: m.id, voteId: opened.voteId });
    expect(closed.result.tally).toMatchObject({ agree: 1, disagree: 0, other: 1 });
    expect(closed.result.present).toBe(3);
    expect(closed.result.eligible).toBe(4);

    // Every laptop sees the result.
    const seen = await memberSees(anh, (s) => Boolean(s.snapshot?.votes.find((v) => v.voteId === opened.voteId)?.result), 'the result');
    expect(seen.snapshot!.votes[0]!.result!.tally.agree).toBe(1);
    // A ballot after closing is refused with its reason; nothing changes.
    const late = await anh.call('liveRoom.vote', { voteId: opened.voteId, choice: 'agree' });
    expect(late.ballots[opened.voteId]).toMatchObject({ state: 'refused' });
    expect(late.ballots[opened.voteId]!.error!.vi).toContain('đã kết thúc');

    // The minutes offer the result under its item, with who voted how, and take it in one step.
    const preview = await w.core.call('minutes.refresh', { meetingId: m.id, apply: false });
    expect(preview.changes).toContainEqual(expect.objectContaining({ key: `vote:${opened.voteId}`, kind: 'add' }));
    const applied = await w.core.call('minutes.refresh', { meetingId: m.id, apply: true });
    const blocks = (applied.minutes!.content as MinutesContent).root.children;
    const vote = blocks.findIndex((b) => b.type === 'ns-vote' && b.id === opened.voteId);
    expect(blocks[vote]).toMatchObject({ question: 'Thông qua Báo cáo kết quả công tác năm 2025', agree: 1, disagree: 0, other: 1, members: 4, present: 3 });
    const firstHeading = blocks.findIndex((b) => b.type === 'ns-item' && b.agendaItemId === m.firstItem);
    const secondHeading = blocks.findIndex((b) => b.type === 'ns-item' && b.agendaItemId === m.secondItem);
    expect(vote).toBeGreaterThan(firstHeading);
    expect(vote).toBeLessThan(secondHeading);
    const voters = blocks[vote + 1] as { generated: string };
    expect(voters.generated).toContain('Đồng ý (1): Lê Đức Thắng');
    expect(voters.generated).toContain('Ý kiến khác (1): Phạm Thị Ngọc Ánh (“Đề nghị bổ sung số liệu quý IV”)');
    // Applied once, it is not offered again.
    expect((await w.core.call('minutes.refresh', { meetingId: m.id, apply: false })).changes.filter((c) => c.key.startsWith('vote:'))).toEqual([]);

    // Closing the room stops it listening; members are told; the record stays in the database.
    const after = await w.core.call('liveRoom.close', { meetingId: m.id });
    expect(after).toMatchObject({ open: false, url: null });
    expect(after.earlier[0]).toMatchObject({ endKind: 'closed', votes: 1, host: '127.0.0.1', port: Number(new URL(room.url!.replace('wss:', 'https:')).port) });
    await memberSees(thang, (s) => s.connection === 'left', 'the room closed');
    expect((await thang.call('liveRoom.memberStatus', {})).problem!.vi).toContain('đã đóng phòng họp');
    // The member's laptop keeps what it saw, after the room is gone.
    const [kept] = await thang.call('liveRoom.seen', {});
    expect(kept).toMatchObject({ roomId: room.roomId, url: room.url });
    expect(kept!.snapshot.votes.find((v) => v.voteId === opened.voteId)?.result?.tally).toMatchObject({ agree: 1, other: 1 });
    const db = new Database(w.core.databaseFile, { readonly: true });
    try {
      const events = db.prepare('SELECT type FROM live_room_events WHERE room_id = ? ORDER BY seq').pluck().all(room.roomId) as string[];
      expect(events).toEqual(expect.arrayContaining(['checked-in', 'current', 'floor-requested', 'floor-given', 'speech-ended', 'vote-opened', 'ballots-counted', 'vote-closed']));
      const ballots = db.prepare('SELECT person_id, choice, seq, signature IS NOT NULL AS signed FROM live_room_ballots WHERE vote_id = ? ORDER BY person_id').all(opened.voteId);
      expect(ballots).toEqual(
        [
          { person_id: w.d.member1, choice: 'agree', seq: 2, signed: 1 },
          { person_id: w.d.member2, choice: 'other', seq: 1, signed: 1 },
        ].sort((a, b) => a.person_id.localeCompare(b.person_id)),
      );
      const audited = db.prepare("SELECT action FROM audit_log WHERE action LIKE 'liveRoom.%'").pluck().all() as string[];
      expect(audited).toEqual(expect.arrayContaining(['liveRoom.open', 'liveRoom.openVote', 'liveRoom.ballot', 'liveRoom.closeVote', 'liveRoom.close']));
    } finally {
      db.close();
    }
    await expect(fetch(room.url!.replace('wss:', 'https:'))).rejects.toThrow();
  });

  it('a secret ballot keeps who voted and the counts, never who chose what', async () => {
    const { w, m, thang, anh, join } = await openRoom();
    await thang.call('liveRoom.join', join);
    await anh.call('liveRoom.join', join);
    const opened = await w.core.call('liveRoom.openVote', { meetingId: m.id, itemId: null, title: 'Giới thiệu nhân sự Phó Trưởng ban', secret: true });
    await memberSees(anh, (s) => s.snapshot?.votes.length === 1, 'the vote opened');
    await thang.call('liveRoom.vote', { voteId: opened.voteId, choice: 'agree' });
    await anh.call('liveRoom.vote', { voteId: opened.voteId, choice: 'other', text: 'Cần thêm thời gian xem xét' });
    const closed = await w.core.call('liveRoom.closeVote', { meetingId: m.id, voteId: opened.voteId });
    expect(closed.result.named).toBeNull();
    expect(closed.result.secret).toEqual({ voters: [w.d.member1, w.d.member2].sort(), otherTexts: ['Cần thêm thời gian xem xét'] });
    await w.core.call('liveRoom.close', { meetingId: m.id });
    const db = new Database(w.core.databaseFile, { readonly: true });
    try {
      const rows = db.prepare('SELECT secret, choice, text, signature FROM live_room_ballots WHERE vote_id = ?').all(opened.voteId);
      expect(rows).toEqual([
        { secret: 1, choice: null, text: null, signature: null },
        { secret: 1, choice: null, text: null, signature: null },
      ]);
      // No stored event names a voter beside a choice.
      for (const body of db.prepare('SELECT body FROM live_room_events').pluck().all() as string[]) {
        expect(body).not.toMatch(/"choice"/);
      }
      expect(JSON.stringify(db.prepare("SELECT detail FROM audit_log WHERE action = 'liveRoom.ballot'").pluck().all())).not.toMatch(/agree|other/);
    } finally {
      db.close();
    }
    const minutes = await w.core.call('minutes.refresh', { meetingId: m.id, apply: true });
    const text = JSON.stringify(minutes.minutes!.content);
    expect(text).toContain('Bỏ phiếu kín: 2 thành viên đã bỏ phiếu. Ý kiến khác: “Cần thêm thời gian xem xét”.');
    expect(text).not.toContain('Lê Đức Thắng (');
  });

  it('the meeting pack carries the room’s fingerprint: a member joins by the address alone, and the same certificate serves the room on the day', async () => {
    const w = await meetingsWorld();
    cores.push(w.core);
    const m = await meetingWithDraft(w);
    const thang = await memberCore(w, 'Lê Đức Thắng', w.d.member1);
    const pack = joinPath(tempDir(), 'goi.nghisu');
    await w.core.call('packs.exportFile', { meetingId: m.id, file: pack });
    expect((await thang.call('liveRoom.pinned', { meetingId: m.id })).fingerprint).toBeNull();
    await thang.call('packs.importFile', { file: pack, trustSigner: true });
    const pinned = (await thang.call('liveRoom.pinned', { meetingId: m.id })).fingerprint;
    expect(pinned).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const room = await w.core.call('liveRoom.open', { meetingId: m.id, host: '127.0.0.1' });
    expect(room.fingerprint).toBe(pinned);
    const joined = await thang.call('liveRoom.join', { url: room.url!, meetingId: m.id });
    expect(joined).toMatchObject({ connection: 'connected', personId: w.d.member1, fingerprint: pinned });
    expect((await thang.call('liveRoom.seen', { meetingId: m.id })).map((r) => r.roomId)).toEqual([room.roomId]);
    expect(await thang.call('liveRoom.seen', { meetingId: w.d.committee })).toEqual([]);
    // What the room decides travels in the next pack: the member's laptop keeps the meeting's results.
    const vote = await w.core.call('liveRoom.openVote', { meetingId: m.id, itemId: m.firstItem, title: 'Thông qua báo cáo', secret: false });
    await memberSees(thang, (s) => s.snapshot?.votes.length === 1, 'the vote');
    await thang.call('liveRoom.vote', { voteId: vote.voteId, choice: 'agree' });
    const asked = await thang.call('liveRoom.requestFloor', { itemId: m.firstItem, kind: 'question', addressee: 'Giám đốc Công an tỉnh' });
    await w.core.call('liveRoom.giveFloor', { meetingId: m.id, requestId: asked.requestId });
    await w.core.call('liveRoom.endSpeech', { meetingId: m.id });
    await w.core.call('liveRoom.close', { meetingId: m.id });
    expect(await thang.call('liveRoom.record', { meetingId: m.id })).toBeNull();
    const next = joinPath(tempDir(), 'goi-2.nghisu');
    await w.core.call('packs.exportFile', { meetingId: m.id, file: next });
    await thang.call('packs.importFile', { file: next });
    const record = await thang.call('liveRoom.record', { meetingId: m.id });
    expect(record).toMatchObject({
      source: 'pack',
      votes: [{ voteId: vote.voteId, title: 'Thông qua báo cáo', agree: 1, named: [{ personId: w.d.member1, choice: 'agree' }] }],
      speeches: [{ personId: w.d.member1, itemId: m.firstItem, kind: 'question' }],
    });
    expect((await w.core.call('liveRoom.record', { meetingId: m.id }))!.source).toBe('host');

    // Reopened after closing, the room keeps its certificate: the pin still holds.
    const again = await w.core.call('liveRoom.open', { meetingId: m.id, host: '127.0.0.1' });
    expect(again.fingerprint).toBe(pinned);
    // A meeting whose pack named no room needs the fingerprint typed.
    expect((await refused(thang.call('liveRoom.join', { url: again.url!, meetingId: w.d.committee }), 'INVALID_INPUT')).text.vi).toContain('nhập dấu vân tay');
  });

  // Found by mDNS on the loopback, which needs multicast there (.ci/run enables it; see the support file).
  it.runIf(multicast)('an open room is found on the LAN (DNS-SD) and named by the meeting whose pack pinned it; a closed room is not', async () => {
    const w = await meetingsWorld();
    cores.push(w.core);
    const m = await meetingWithDraft(w);
    const thang = await memberCore(w, 'Lê Đức Thắng', w.d.member1);
    const pack = joinPath(tempDir(), 'goi.nghisu');
    await w.core.call('packs.exportFile', { meetingId: m.id, file: pack });
    await thang.call('packs.importFile', { file: pack, trustSigner: true });
    const room = await w.core.call('liveRoom.open', { meetingId: m.id, host: '127.0.0.1' });
    // The announcement goes out once the name is probed (under a second); a browse takes two.
    let found = await thang.call('liveRoom.discover', {});
    for (let i = 0; i < 4 && !found.some((r) => r.roomId === room.roomId); i++) found = await thang.call('liveRoom.discover', {});
    const mine = found.find((r) => r.roomId === room.roomId)!;
    expect(mine).toEqual({ roomId: room.roomId, url: room.url, fingerprint: room.fingerprint, meeting: { id: m.id, title: 'Họp Ban Chỉ đạo quý I năm 2026' } });
    // What was found joins like a typed address: the pinned certificate decides.
    expect((await thang.call('liveRoom.join', { url: mine.url, meetingId: m.id })).connection).toBe('connected');
    await w.core.call('liveRoom.close', { meetingId: m.id });
    expect((await thang.call('liveRoom.discover', {})).some((r) => r.roomId === room.roomId)).toBe(false);
  });

  it('a delegate (ủy quyền) joins with their own key for the member who sent them: checked in as delegated, voting in the member’s place', async () => {
    const { w, m, thang, join } = await openRoom();
    // Recorded after the room opened: the room reads delegations at each join.
    const dung = await w.core.call('people.create', { fullName: 'Trần Văn Dũng', position: 'Phó Giám đốc Sở' });
    const seat = (await w.core.call('meetings.get', { id: m.id })).participants.find((p) => p.personId === w.d.member2)!;
    await w.core.call('participants.setRsvp', { id: seat.id, rsvp: 'delegated', delegatePersonId: dung.id, reason: 'Đi công tác' });
    const delegate = await memberCore(w, 'Trần Văn Dũng', dung.id);

    const joined = await delegate.call('liveRoom.join', join);
    expect(joined).toMatchObject({ joined: true, personId: w.d.member2 });
    expect(joined.snapshot!.participants.find((p) => p.personId === w.d.member2)).toMatchObject({ name: 'Phạm Thị Ngọc Ánh', delegate: 'Trần Văn Dũng' });
    const attendance = (await w.core.call('meetings.get', { id: m.id })).participants.find((p) => p.personId === w.d.member2)!;
    expect(attendance).toMatchObject({ attendance: 'delegated', attendanceDelegate: 'Trần Văn Dũng' });

    await thang.call('liveRoom.join', join);
    const opened = await w.core.call('liveRoom.openVote', { meetingId: m.id, itemId: m.firstItem, title: 'Thông qua Kế hoạch năm 2027', secret: false });
    await memberSees(delegate, (s) => s.snapshot?.votes.length === 1, 'the vote opened');
    expect((await delegate.call('liveRoom.vote', { voteId: opened.voteId, choice: 'agree' })).ballots[opened.voteId]?.state).toBe('counted');
    await thang.call('liveRoom.vote', { voteId: opened.voteId, choice: 'agree' });
    const closed = await w.core.call('liveRoom.closeVote', { meetingId: m.id, voteId: opened.voteId });
    expect(closed.result.named).toEqual(
      expect.arrayContaining([
        { personId: w.d.member2, choice: 'agree', text: null },
        { personId: w.d.member1, choice: 'agree', text: null },
      ]),
    );
    expect(closed.result.tally.agree).toBe(2);
    // Someone trusted but neither a participant nor anyone's delegate stays out.
    const other = await w.core.call('people.create', { fullName: 'Vũ Thị Khác', position: 'Chuyên viên' });
    const outsider = await memberCore(w, 'Vũ Thị Khác', other.id);
    await expect(outsider.call('liveRoom.join', join)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await w.core.call('liveRoom.close', { meetingId: m.id });
    // The minutes name who was in the room.
    const minutes = await w.core.call('minutes.refresh', { meetingId: m.id, apply: true });
    expect(JSON.stringify(minutes.minutes!.content)).toContain('Trần Văn Dũng (dự thay Phạm Thị Ngọc Ánh)');

  });

  it('refuses a key it does not trust, a look-alike host, a room on every interface, and a meeting not in progress', async () => {
    const { w, m, join } = await openRoom();
    const stranger = await memberCore(w, 'Người lạ', null);
    expect((await refused(stranger.call('liveRoom.join', join), 'FORBIDDEN')).text.vi).toContain('chưa được Văn phòng tin cậy');
    expect((await stranger.call('liveRoom.memberStatus', {})).joined).toBe(false);
    const other = await memberCore(w, 'Trần Thị Mai', w.d.deputy);
    const wrongPin = { ...join, fingerprint: join.fingerprint.replace(/^../, join.fingerprint.startsWith('00') ? '11' : '00') };
    expect((await refused(other.call('liveRoom.join', wrongPin), 'FORBIDDEN')).text.vi).toContain('dấu vân tay');
    await w.core.call('liveRoom.close', { meetingId: m.id });
    expect((await refused(w.core.call('liveRoom.open', { meetingId: m.id, host: '0.0.0.0' }), 'INVALID_INPUT')).text.vi).toContain('địa chỉ mạng cụ thể');
    expect((await w.core.call('liveRoom.status', { meetingId: m.id })).open).toBe(false);
    await w.core.call('meetings.setStatus', { id: m.id, status: 'ended' });
    expect((await refused(w.core.call('liveRoom.open', { meetingId: m.id, host: '127.0.0.1' }), 'INVALID_STATE')).text.vi).toContain('đang diễn ra');
    await refused(w.core.call('liveRoom.checkIn', { meetingId: m.id, personId: w.d.head }), 'INVALID_STATE');
  });

  it('a member cut off rejoins and catches up; a ballot made meanwhile counts if the vote is open, and is refused clearly if it closed', async () => {
    const { w, m, thang, join } = await openRoom();
    const wifi = await relay(join.url);
    await thang.call('liveRoom.join', { ...join, url: wifi.url });
    const first = await w.core.call('liveRoom.openVote', { meetingId: m.id, itemId: m.firstItem, title: 'Thông qua kế hoạch năm 2027', secret: false });
    await memberSees(thang, (s) => s.snapshot?.votes.length === 1, 'the vote opened');

    wifi.cut();
    await memberSees(thang, (s) => s.connection === 'reconnecting', 'the drop noticed');
    const offline = await thang.call('liveRoom.vote', { voteId: first.voteId, choice: 'agree' });
    expect(offline.ballots[first.voteId]!.state).toBe('sending');
    await w.core.call('liveRoom.setCurrent', { meetingId: m.id, itemId: m.secondItem, page: 7 });
    await wifi.mend();
    const back = await memberSees(thang, (s) => s.connection === 'connected' && s.ballots[first.voteId]?.state === 'counted', 'the ballot sent when back');
    // Caught up with what happened while away.
    expect(back.snapshot!.current).toMatchObject({ itemId: m.secondItem, page: 7 });
    expect((await w.core.call('liveRoom.status', { meetingId: m.id })).snapshot!.votes[0]!.voted).toBe(1);

    const second = await w.core.call('liveRoom.openVote', { meetingId: m.id, itemId: m.secondItem, title: 'Thông qua dự thảo kết luận', secret: false });
    await memberSees(thang, (s) => s.snapshot?.votes.length === 2, 'the second vote');
    wifi.cut();
    await memberSees(thang, (s) => s.connection === 'reconnecting', 'the second drop');
    await thang.call('liveRoom.vote', { voteId: second.voteId, choice: 'disagree' });
    await w.core.call('liveRoom.closeVote', { meetingId: m.id, voteId: second.voteId });
    await wifi.mend();
    const refusedBallot = await memberSees(thang, (s) => s.ballots[second.voteId]?.state === 'refused', 'the late ballot refused');
    expect(refusedBallot.ballots[second.voteId]!.error!.vi).toContain('đã kết thúc');
    const host = await w.core.call('liveRoom.status', { meetingId: m.id });
    expect(host.snapshot!.votes[1]!.result!.tally).toMatchObject({ agree: 0, disagree: 0, other: 0 });
  });
});
