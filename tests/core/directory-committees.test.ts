import { describe, expect, it } from 'vitest';
import { count, insertMeeting, openCore, refused, sql } from './directory-support.ts';

describe('committees (Ban Chỉ đạo)', () => {
  it('keeps members in order with their roles, and a standing agency that is a unit', async () => {
    const { core } = await openCore();
    const office = await core.call('organizations.create', { name: 'Văn phòng UBND tỉnh', organCode: '000.00.31.H41' });
    const finance = await core.call('organizations.create', { name: 'Sở Tài chính' });
    const head = await core.call('people.create', { fullName: 'Trịnh Xuân Trường', position: 'Chủ tịch UBND tỉnh' });
    const deputy = await core.call('people.create', { fullName: 'Hoàng Quốc Khánh', position: 'Phó Chủ tịch UBND tỉnh' });
    const member = await core.call('people.create', { fullName: 'Đỗ Thị Hà', position: 'Giám đốc Sở', organizationId: finance.id });
    const secretaryPerson = await core.call('people.create', { fullName: 'Lê Thu Trang', position: 'Chuyên viên', organizationId: office.id });

    const committee = await core.call('committees.create', { name: 'Ban Chỉ đạo chuyển đổi số tỉnh', shortName: 'BCĐ CĐS' });
    expect(committee).toMatchObject({ quorumPercent: 50, members: [], quorumCount: 0 });

    const saved = await core.call('committees.setMembers', {
      committeeId: committee.id,
      members: [
        { personId: head.id, role: 'head' },
        { personId: deputy.id, role: 'deputy' },
        { personId: member.id, role: 'member' },
        { personId: secretaryPerson.id, role: 'secretary' },
        { organizationId: office.id, role: 'standing_agency' },
      ],
    });
    expect(saved.members.map((m) => [m.name, m.role, m.personPosition, m.detail])).toEqual([
      ['Trịnh Xuân Trường', 'head', 'Chủ tịch UBND tỉnh', null],
      ['Hoàng Quốc Khánh', 'deputy', 'Phó Chủ tịch UBND tỉnh', null],
      ['Đỗ Thị Hà', 'member', 'Giám đốc Sở', 'Sở Tài chính'],
      ['Lê Thu Trang', 'secretary', 'Chuyên viên', 'Văn phòng UBND tỉnh'],
      ['Văn phòng UBND tỉnh', 'standing_agency', null, '000.00.31.H41'],
    ]);
    // Four people: half of them, rounded up, is two.
    expect(saved.quorumCount).toBe(2);

    const reordered = await core.call('committees.setMembers', {
      committeeId: committee.id,
      members: [
        { personId: head.id, role: 'head' },
        { personId: member.id, role: 'deputy' },
        { personId: deputy.id, role: 'member' },
      ],
    });
    expect(reordered.members.map((m) => [m.name, m.role])).toEqual([
      ['Trịnh Xuân Trường', 'head'],
      ['Đỗ Thị Hà', 'deputy'],
      ['Hoàng Quốc Khánh', 'member'],
    ]);
    const updated = await core.call('committees.update', { id: committee.id, name: committee.name, shortName: 'BCĐ 09', quorumPercent: 67 });
    expect(updated).toMatchObject({ shortName: 'BCĐ 09', quorumPercent: 67, quorumCount: 3 });
    expect(await core.call('committees.get', { id: committee.id })).toEqual(updated);
    expect(await core.call('committees.list', {})).toEqual([
      expect.objectContaining({ id: committee.id, memberCount: 3, headName: 'Trịnh Xuân Trường', quorumPercent: 67 }),
    ]);

    const bad = await refused(
      core.call('committees.setMembers', { committeeId: committee.id, members: [{ personId: head.id, role: 'head' }, { personId: head.id, role: 'member' }] }),
      'INVALID_INPUT',
    );
    expect(bad.text.vi).toContain('lặp');
    await refused(core.call('committees.setMembers', { committeeId: committee.id, members: [{ organizationId: office.id, role: 'member' }] }), 'INVALID_INPUT');
    await refused(
      core.call('committees.setMembers', { committeeId: committee.id, members: [{ personId: '0190a6f0-7b8c-7def-8123-456789abcdef', role: 'member' }] }),
      'NOT_FOUND',
    );
    expect((await core.call('committees.get', { id: committee.id })).members).toHaveLength(3);
    await core.close();
  });

  it('keep how their votes pass (their working rules), shown on their meetings for the minutes', async () => {
    const { core } = await openCore();
    const plain = await core.call('committees.create', { name: 'Ban Chỉ đạo phòng chống thiên tai' });
    expect(plain).toMatchObject({ passRule: 'majority_present', tieToChair: false });
    const strict = await core.call('committees.create', { name: 'Ban Chỉ đạo đầu tư công', passRule: 'two_thirds_all' });
    expect(strict).toMatchObject({ passRule: 'two_thirds_all', tieToChair: false });
    const changed = await core.call('committees.update', { id: strict.id, name: strict.name, passRule: 'majority_all', tieToChair: true });
    expect(changed).toMatchObject({ passRule: 'majority_all', tieToChair: true });
    // An edit that does not name them keeps them.
    expect(await core.call('committees.update', { id: strict.id, name: strict.name, quorumPercent: 60 })).toMatchObject({ quorumPercent: 60, passRule: 'majority_all', tieToChair: true });
    expect(await core.call('committees.list', {})).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: plain.id, passRule: 'majority_present' }),
        expect.objectContaining({ id: strict.id, passRule: 'majority_all', tieToChair: true }),
      ]),
    );
    const { meeting } = await core.call('meetings.create', {
      committeeId: strict.id,
      kindCode: 'regular',
      title: 'Phiên họp về kế hoạch đầu tư công năm 2027',
      startsAt: '2026-12-20T01:00:00.000Z',
      endsAt: '2026-12-20T03:00:00.000Z',
    });
    expect((await core.call('meetings.get', { id: meeting.id })).passRule).toBe('majority_all');
    await refused(core.call('committees.update', { id: plain.id, name: plain.name, passRule: 'unanimous' } as never), 'INVALID_INPUT');
    expect((await core.call('committees.get', { id: plain.id })).passRule).toBe('majority_present');
    await core.close();
  });

  it('refuses duplicate names and deleting a committee that has meetings', async () => {
    const { core, dir } = await openCore();
    const c = await core.call('committees.create', { name: 'Ban Chỉ đạo phòng, chống thiên tai' });
    await refused(core.call('committees.create', { name: 'ban chi dao phong, chong thien tai' }), 'CONFLICT');
    const p = await core.call('people.create', { fullName: 'Ngô Văn Hải' });
    await core.call('committees.setMembers', { committeeId: c.id, members: [{ personId: p.id, role: 'head' }] });
    insertMeeting(dir, c.id);
    expect((await refused(core.call('committees.delete', { id: c.id }), 'CONFLICT')).text.vi).toContain('1 cuộc họp');
    sql(dir, 'DELETE FROM meetings');
    await core.call('committees.delete', { id: c.id });
    expect(count(dir, 'committee_members')).toBe(0);
    await refused(core.call('committees.get', { id: c.id }), 'NOT_FOUND');
    await core.close();
  });
});

describe('meeting rooms', () => {
  it('are created, edited, listed by name, and kept while meetings use them', async () => {
    const { core, dir } = await openCore();
    const big = await core.call('rooms.create', { name: 'Phòng họp tầng 3', location: 'Trụ sở UBND tỉnh', capacity: 60 });
    const small = await core.call('rooms.create', { name: 'Phòng họp A', capacity: null });
    await refused(core.call('rooms.create', { name: 'phong hop tang 3' }), 'CONFLICT');
    expect((await core.call('rooms.list', {})).map((r) => r.name)).toEqual(['Phòng họp A', 'Phòng họp tầng 3']);
    const edited = await core.call('rooms.update', { id: small.id, name: 'Phòng họp A', location: 'Tầng 2', capacity: 20 });
    expect(edited).toMatchObject({ location: 'Tầng 2', capacity: 20 });

    const committee = await core.call('committees.create', { name: 'Ban Chỉ đạo 389' });
    insertMeeting(dir, committee.id, { room_id: big.id });
    await refused(core.call('rooms.delete', { id: big.id }), 'CONFLICT');
    expect(await core.call('rooms.delete', { id: small.id })).toEqual({ id: small.id });
    await core.close();
  });
});

describe('catalogs', () => {
  it('lists the built-in meeting kinds and document types, which can be renamed but not deleted', async () => {
    const { core } = await openCore();
    const kinds = await core.call('catalogs.list', { catalog: 'meeting_kind' });
    expect(kinds.map((k) => [k.code, k.label, k.builtin])).toEqual([
      ['regular', 'Thường kỳ', true],
      ['thematic', 'Chuyên đề', true],
      ['extraordinary', 'Đột xuất', true],
    ]);
    const types = await core.call('catalogs.list', { catalog: 'document_type' });
    expect(types.find((t) => t.code === 'QĐ')?.label).toBe('Quyết định');

    const e = await refused(core.call('catalogs.delete', { catalog: 'meeting_kind', code: 'regular' }), 'INVALID_STATE');
    expect(e.text.vi).toContain('có sẵn');
    const renamed = await core.call('catalogs.save', { catalog: 'meeting_kind', code: 'regular', label: 'Họp thường kỳ' });
    expect(renamed).toMatchObject({ code: 'regular', label: 'Họp thường kỳ', builtin: true, position: 1 });
    await core.close();
  });

  it('adds, edits and deletes custom items; an item in use stays', async () => {
    const { core, dir } = await openCore();
    const online = await core.call('catalogs.save', { catalog: 'meeting_kind', code: 'online', label: 'Trực tuyến' });
    expect(online).toMatchObject({ builtin: false, position: 4, usageCount: 0 });
    await refused(core.call('catalogs.save', { catalog: 'meeting_kind', code: 'ONLINE', label: 'Khác' }), 'CONFLICT');
    await refused(core.call('catalogs.save', { catalog: 'meeting_kind', code: 'truc-tuyen', label: 'trực tuyến' }), 'CONFLICT');
    const moved = await core.call('catalogs.save', { catalog: 'meeting_kind', code: 'online', label: 'Họp trực tuyến', position: 0 });
    expect(moved).toMatchObject({ label: 'Họp trực tuyến', position: 0 });
    expect((await core.call('catalogs.list', { catalog: 'meeting_kind' }))[0]?.code).toBe('online');

    const nd = await core.call('catalogs.save', { catalog: 'document_type', code: 'NĐ', label: 'Nghị định' });
    expect(nd.code).toBe('NĐ');

    const committee = await core.call('committees.create', { name: 'Ban Chỉ đạo 1' });
    insertMeeting(dir, committee.id, { kind_code: 'online' });
    expect((await core.call('catalogs.list', { catalog: 'meeting_kind' }))[0]?.usageCount).toBe(1);
    expect((await refused(core.call('catalogs.delete', { catalog: 'meeting_kind', code: 'online' }), 'CONFLICT')).text.vi).toContain('1 cuộc họp');
    sql(dir, 'DELETE FROM meetings');
    expect(await core.call('catalogs.delete', { catalog: 'meeting_kind', code: 'online' })).toEqual({ catalog: 'meeting_kind', code: 'online' });
    await refused(core.call('catalogs.delete', { catalog: 'meeting_kind', code: 'online' }), 'NOT_FOUND');
    expect(await core.call('catalogs.delete', { catalog: 'document_type', code: 'NĐ' })).toEqual({ catalog: 'document_type', code: 'NĐ' });
    await core.close();
  });
});
