import { Option, type Command } from 'commander';
import type { LiveRoomMemberStatus, LiveRoomSnapshot } from '../../../shared/contract/index.ts';
import type { Core } from '../../core/index.ts';
import { intArg } from '../args.ts';
import type { Output } from '../output.ts';
import { withCore, type CommandContext } from '../with-core.ts';

/** One JSON document per line: `room open` speaks more than once (opened, then closed). */
function emit(out: Output, result: unknown, human: () => string): void {
  process.stdout.write(out.json ? `${JSON.stringify(result)}\n` : `${human()}\n`);
}

function snapshotText(s: LiveRoomSnapshot | null, vi: boolean): string {
  if (!s) return vi ? '(chưa có)' : '(none)';
  const item = s.items.find((i) => i.id === s.current.itemId);
  const name = (id: string) => s.participants.find((p) => p.personId === id)?.name ?? id;
  const lines = [
    `${vi ? 'Nội dung' : 'Item'}:     ${item?.title ?? (vi ? '(chưa chọn)' : '(none)')}${s.current.page ? ` — ${vi ? 'trang' : 'page'} ${s.current.page}` : ''}`,
    `${vi ? 'Có mặt' : 'Present'}:      ${s.quorum.present}/${s.quorum.eligible}`,
    `${vi ? 'Đang phát biểu' : 'Speaking'}: ${s.speaker ? name(s.speaker.personId) : '—'}`,
  ];
  for (const v of s.votes) {
    const r = v.result;
    lines.push(
      `${vi ? 'Biểu quyết' : 'Vote'} ${v.voteId}: ${v.title} — ${
        r ? `${r.tally.agree}/${r.tally.disagree}/${r.tally.other} (${r.tally.passed ? (vi ? 'thông qua' : 'passed') : vi ? 'không thông qua' : 'not passed'})` : `${vi ? 'đang mở' : 'open'}, ${v.voted} ${vi ? 'phiếu' : 'ballots'}`
      }`,
    );
  }
  return lines.join('\n');
}

const fingerprintOption = () =>
  new Option('--fingerprint <sha256>', 'dấu vân tay chứng chỉ của phòng họp (AA:BB:…) do máy chủ trì cho / the room certificate’s fingerprint the host shows').makeOptionMandatory();

/** Joins, does one thing as this laptop's member, and leaves. */
async function asMember<T>(core: Core, url: string, fingerprint: string, then: (joined: LiveRoomMemberStatus) => Promise<T>): Promise<T> {
  const joined = await core.call('liveRoom.join', { url, fingerprint });
  try {
    return await then(joined);
  } finally {
    await core.call('liveRoom.leave', {});
  }
}

/** `nghisu room …`: the live room from the command line (checks, scripted rehearsals). */
export function registerRoomCommands(program: Command, { globals, setExit }: CommandContext): void {
  const room = program.command('room').description('phòng họp trực tuyến trên mạng nội bộ / the live meeting room on the LAN');

  const open = room
    .command('open')
    .description('mở phòng họp cho một cuộc họp đang diễn ra, đến khi nhận SIGINT/SIGTERM / open the room of a meeting in progress until SIGINT or SIGTERM')
    .argument('<meetingId>', 'mã cuộc họp / meeting id')
    .addOption(new Option('--host <address>', 'địa chỉ IP của một giao diện mạng (không nhận 0.0.0.0) / one interface’s IP address (never 0.0.0.0)').conflicts('resume'))
    .addOption(new Option('--port <port>', 'cổng (0 = cổng trống bất kỳ) / port (0 = any free port)').argParser(intArg(0, 65_535)).default(0).conflicts('resume'))
    .option('--resume', 'tiếp tục phòng họp bị gián đoạn lần trước, cùng địa chỉ và cổng / take up the interrupted room on its address and port', false)
    .option('--vote <title>', 'mở ngay một cuộc biểu quyết / open a vote at once')
    .option('--secret', 'biểu quyết kín / secret ballot', false)
    .option('--item <agendaItemId>', 'nội dung chương trình của cuộc biểu quyết / the agenda item voted on')
    .option('--for <seconds>', 'tự đóng phòng sau số giây này / close the room after this many seconds', intArg(1, 86_400))
    .action(async (meetingId: string, o: { host?: string; port: number; resume: boolean; vote?: string; secret: boolean; item?: string; for?: number }) => {
      if (!o.resume && !o.host) open.error('Cần --host ĐỊA_CHỈ (hoặc --resume) / --host ADDRESS (or --resume) is required', { exitCode: 2 });
      setExit(
        await withCore(globals(), async (core, out) => {
          const vi = out.lang === 'vi';
          const opened = o.resume ? await core.call('liveRoom.resume', { meetingId }) : await core.call('liveRoom.open', { meetingId, host: o.host!, port: o.port });
          const voteId = o.vote ? (await core.call('liveRoom.openVote', { meetingId, itemId: o.item ?? null, title: o.vote, secret: o.secret })).voteId : null;
          emit(out, { event: 'opened', url: opened.url, fingerprint: opened.fingerprint, roomId: opened.roomId, voteId }, () =>
            [
              vi ? 'Phòng họp đang mở.' : 'The room is open.',
              `${vi ? 'Địa chỉ' : 'Address'}:      ${opened.url}`,
              `${vi ? 'Dấu vân tay' : 'Fingerprint'}:  ${opened.fingerprint}`,
              ...(voteId ? [`${vi ? 'Biểu quyết' : 'Vote'}:   ${voteId}`] : []),
              vi ? 'Nhấn Ctrl+C để đóng phòng.' : 'Press Ctrl+C to close the room.',
            ].join('\n'),
          );
          await new Promise<void>((resolve) => {
            const done = () => resolve();
            process.once('SIGINT', done);
            process.once('SIGTERM', done);
            if (o.for) setTimeout(done, o.for * 1000).unref();
          });
          const closed = await core.call('liveRoom.close', { meetingId });
          const final = closed.snapshot;
          const status = await core.call('minutes.refresh', { meetingId, apply: false }).catch(() => null);
          // Results the minutes do not hold yet: "Làm mới từ cuộc họp" in the minutes takes them in.
          const toMinutes = status ? status.changes.filter((c) => c.key.startsWith('vote:')).length : null;
          emit(out, { event: 'closed', roomId: opened.roomId, snapshot: final, votesForMinutes: toMinutes }, () =>
            [
              vi ? 'Đã đóng phòng họp.' : 'The room is closed.',
              snapshotText(final, vi),
              ...(toMinutes ? [vi ? `${toMinutes} kết quả biểu quyết chờ đưa vào biên bản (Biên bản → Làm mới từ cuộc họp).` : `${toMinutes} vote result(s) to take into the minutes (Minutes → Refresh from the meeting).`] : []),
            ].join('\n'),
          );
        }),
      );
    });

  room
    .command('join')
    .description('vào phòng họp bằng khóa của hồ sơ (điểm danh), in tình hình rồi rời phòng / join with the profile key (checks in), print the state, leave')
    .argument('<url>', 'địa chỉ phòng họp wss://…/ / the room’s address')
    .addOption(fingerprintOption())
    .action(async (url: string, o: { fingerprint: string }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const joined = await asMember(core, url, o.fingerprint, async (s) => s);
          emit(out, { personId: joined.personId, snapshot: joined.snapshot }, () =>
            [out.lang === 'vi' ? `Đã vào phòng họp (mã thành viên ${joined.personId}).` : `Joined the room (member ${joined.personId}).`, snapshotText(joined.snapshot, out.lang === 'vi')].join('\n'),
          );
        }),
      );
    });

  room
    .command('vote')
    .description('gửi phiếu biểu quyết có chữ ký / send a signed ballot')
    .argument('<url>', 'địa chỉ phòng họp / the room’s address')
    .argument('<voteId>', 'mã cuộc biểu quyết / vote id')
    .addOption(fingerprintOption())
    .addOption(new Option('--choice <choice>', 'đồng ý / không đồng ý / ý kiến khác').choices(['agree', 'disagree', 'other']).makeOptionMandatory())
    .option('--text <text>', 'nội dung ý kiến khác / the other opinion’s text')
    .action(async (url: string, voteId: string, o: { fingerprint: string; choice: 'agree' | 'disagree' | 'other'; text?: string }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const after = await asMember(core, url, o.fingerprint, () => core.call('liveRoom.vote', { voteId, choice: o.choice, text: o.text ?? null }));
          const ballot = after.ballots[voteId]!;
          emit(out, { voteId, ...ballot }, () =>
            ballot.state === 'counted'
              ? out.lang === 'vi'
                ? 'Phiếu đã được máy chủ trì ghi nhận.'
                : 'The host counted the ballot.'
              : `${out.lang === 'vi' ? 'Phiếu không được tính' : 'Not counted'}: ${ballot.error?.[out.lang] ?? ''}`,
          );
          return ballot.state === 'counted' ? 0 : 1;
        }),
      );
    });

  room
    .command('state')
    .description('tình hình phòng họp: nội dung, trang, người phát biểu, biểu quyết / the room’s state')
    .argument('<url>', 'địa chỉ phòng họp / the room’s address')
    .addOption(fingerprintOption())
    .action(async (url: string, o: { fingerprint: string }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const s = await asMember(core, url, o.fingerprint, async (joined) => joined.snapshot);
          emit(out, s, () => snapshotText(s, out.lang === 'vi'));
        }),
      );
    });
}
