import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/contract/index.ts';
import { auditActions, count, insertMeeting, openCore, refused, sql } from './directory-support.ts';

describe('organizations (cơ quan, đơn vị)', () => {
  it('accepts well-formed organ codes and stores typed lower case in capitals', async () => {
    const { core } = await openCore();
    for (const code of ['000.00.00.H41', '000.00.31.H41', 'G09.01', '000.01.21.H41.01']) {
      const unit = await core.call('organizations.create', { name: `Đơn vị ${code}`, organCode: code });
      expect(unit.organCode).toBe(code);
    }
    const lower = await core.call('organizations.create', { name: 'Sở Y tế', organCode: ' 000.00.19.h41 ' });
    expect(lower.organCode).toBe('000.00.19.H41');
    const none = await core.call('organizations.create', { name: 'Tổ công tác liên ngành', organCode: '' });
    expect(none.organCode).toBeNull();
    await core.close();
  });

  it('refuses malformed organ codes with a message naming the expected form', async () => {
    const { core, dir } = await openCore();
    for (const code of ['H41', '000-00-00-H41', '000..00.H41', '.000.H41', '000.00.00.H41.', '000.00.00.H 41', `000.${'9'.repeat(32)}`, '000.00.Đ1']) {
      const e = await refused(core.call('organizations.create', { name: 'Sở Tư pháp', organCode: code }), 'INVALID_INPUT');
      expect(e.text.vi, code).toMatch(/Mã định danh (gồm|dài)/);
    }
    expect(count(dir, 'organizations')).toBe(0);
    await core.close();
  });

  it('keeps organ codes unique and names the unit that already has one', async () => {
    const { core } = await openCore();
    const office = await core.call('organizations.create', { name: 'Văn phòng UBND tỉnh', organCode: '000.00.31.H41' });
    const e = await refused(core.call('organizations.create', { name: 'Sở Xây dựng', organCode: '000.00.31.h41' }), 'CONFLICT');
    expect(e.text.vi).toBe('Mã định danh 000.00.31.H41 đã được dùng cho "Văn phòng UBND tỉnh".');
    // The screen puts the message under the field the core names.
    expect(e.details).toEqual({ field: 'organCode' });
    const other = await core.call('organizations.create', { name: 'Sở Xây dựng', organCode: '000.00.29.H41' });
    await refused(core.call('organizations.update', { id: other.id, name: 'Sở Xây dựng', organCode: '000.00.31.H41' }), 'CONFLICT');
    // Saving a unit with its own code is not a clash.
    const same = await core.call('organizations.update', { id: office.id, name: 'Văn phòng Ủy ban nhân dân tỉnh', organCode: '000.00.31.H41' });
    expect(same.name).toBe('Văn phòng Ủy ban nhân dân tỉnh');
    await core.close();
  });

  it('lists the hierarchy depth-first with people counts, and searches without diacritics', async () => {
    const { core } = await openCore();
    const province = await core.call('organizations.create', { name: 'Ủy ban nhân dân tỉnh Lào Cai', shortName: 'UBND tỉnh', organCode: '000.00.00.H41' });
    const finance = await core.call('organizations.create', { name: 'Sở Tài chính', organCode: '000.00.12.H41', parentId: province.id });
    const office = await core.call('organizations.create', { name: 'Văn phòng UBND tỉnh', organCode: '000.00.31.H41', parentId: province.id });
    const budget = await core.call('organizations.create', { name: 'Phòng Quản lý ngân sách', parentId: finance.id });
    const party = await core.call('organizations.create', { name: 'Ban Tuyên giáo Tỉnh ủy' });
    await core.call('people.create', { fullName: 'Đặng Văn Đức', organizationId: finance.id });
    await core.call('people.create', { fullName: 'Hoàng Thị Lan', organizationId: finance.id });

    const list = await core.call('organizations.list', {});
    expect(list.map((o) => [o.name, o.depth])).toEqual([
      [party.name, 0],
      [province.name, 0],
      [finance.name, 1],
      [budget.name, 2],
      [office.name, 1],
    ]);
    expect(list.find((o) => o.id === finance.id)).toMatchObject({ peopleCount: 2, childCount: 1, parentId: province.id });
    expect(list.find((o) => o.id === province.id)).toMatchObject({ peopleCount: 0, childCount: 2 });

    expect((await core.call('organizations.list', { query: 'tai chinh' })).map((o) => o.id)).toEqual([finance.id]);
    expect((await core.call('organizations.list', { query: 'UBND' })).map((o) => o.id)).toEqual([province.id, office.id]);
    expect((await core.call('organizations.list', { query: '000.00.31' })).map((o) => o.id)).toEqual([office.id]);
    expect((await core.call('organizations.list', { query: 'quan ly ngan sach' })).map((o) => o.depth)).toEqual([2]);
    expect(await core.call('organizations.list', { query: 'khong co' })).toEqual([]);
    await core.close();
  });

  it('refuses a parent that does not exist, the unit itself, or one of its own sub-units', async () => {
    const { core } = await openCore();
    const a = await core.call('organizations.create', { name: 'Ủy ban nhân dân tỉnh' });
    const b = await core.call('organizations.create', { name: 'Sở Nội vụ', parentId: a.id });
    const c = await core.call('organizations.create', { name: 'Ban Thi đua - Khen thưởng', parentId: b.id });
    await refused(core.call('organizations.create', { name: 'X', parentId: '0190a6f0-7b8c-7def-8123-456789abcdef' }), 'NOT_FOUND');
    await refused(core.call('organizations.update', { id: a.id, name: a.name, parentId: a.id }), 'CONFLICT');
    const loop = await refused(core.call('organizations.update', { id: a.id, name: a.name, parentId: c.id }), 'CONFLICT');
    expect(loop.text.vi).toContain('trực thuộc');
    expect(loop.details).toEqual({ field: 'parentId' });
    // Moving a sub-unit elsewhere in the tree is fine.
    const moved = await core.call('organizations.update', { id: c.id, name: c.name, parentId: a.id });
    expect(moved).toMatchObject({ parentId: a.id, depth: 1 });
    await core.close();
  });

  it('refuses to delete a unit that people, sub-units, committees or meetings still refer to', async () => {
    const { core, dir } = await openCore();
    const events: CoreEvent[] = [];
    core.subscribe((e) => events.push(e));
    const parent = await core.call('organizations.create', { name: 'Sở Kế hoạch và Đầu tư' });
    const child = await core.call('organizations.create', { name: 'Phòng Tổng hợp', parentId: parent.id });
    const person = await core.call('people.create', { fullName: 'Vũ Minh Tuấn', organizationId: child.id });

    const e = await refused(core.call('organizations.delete', { id: parent.id }), 'CONFLICT');
    expect(e.text.vi).toContain('1 đơn vị trực thuộc');
    const e2 = await refused(core.call('organizations.delete', { id: child.id }), 'CONFLICT');
    expect(e2.text.vi).toContain('1 cán bộ');

    await core.call('people.update', { id: person.id, fullName: person.fullName, organizationId: null });
    const committee = await core.call('committees.create', { name: 'Ban Chỉ đạo phát triển kinh tế' });
    await core.call('committees.setMembers', { committeeId: committee.id, members: [{ organizationId: child.id, role: 'standing_agency' }] });
    expect((await refused(core.call('organizations.delete', { id: child.id }), 'CONFLICT')).text.vi).toContain('Ban Chỉ đạo');

    await core.call('committees.setMembers', { committeeId: committee.id, members: [] });
    insertMeeting(dir, committee.id, { chairing_org_id: child.id });
    expect((await refused(core.call('organizations.delete', { id: child.id }), 'CONFLICT')).text.vi).toContain('1 cuộc họp');
    sql(dir, 'DELETE FROM meetings');

    expect(await core.call('organizations.delete', { id: child.id })).toEqual({ id: child.id });
    await core.call('organizations.delete', { id: parent.id });
    await refused(core.call('organizations.delete', { id: parent.id }), 'NOT_FOUND');
    expect(count(dir, 'organizations')).toBe(0);
    expect(auditActions(dir).filter((a) => a.startsWith('organizations.'))).toEqual([
      'organizations.create',
      'organizations.create',
      'organizations.delete',
      'organizations.delete',
    ]);
    expect(events.filter((e) => e.event === 'data.changed').every((e) => e.payload.area === 'directory')).toBe(true);
    expect(events).toContainEqual({ event: 'data.changed', payload: { area: 'directory', id: parent.id } });
    await core.close();
  });
});
