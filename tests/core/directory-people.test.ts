import { describe, expect, it } from 'vitest';
import { count, insertMeeting, openCore, refused, sql } from './directory-support.ts';

describe('people (cán bộ)', () => {
  it('finds people without diacritics, by any word, by unit, and folds đ to d', async () => {
    const { core, dir } = await openCore();
    const office = await core.call('organizations.create', { name: 'Văn phòng UBND tỉnh' });
    const finance = await core.call('organizations.create', { name: 'Sở Tài chính' });
    const a = await core.call('people.create', { fullName: 'Nguyễn Văn A', position: 'Chánh Văn phòng', organizationId: office.id });
    const duc = await core.call('people.create', { fullName: 'Đặng Đình Đức', position: 'Giám đốc Sở', organizationId: finance.id, email: 'ddduc@laocai.gov.vn' });
    const lan = await core.call('people.create', { fullName: 'Nguyễn Thị Lan', position: 'Phó Giám đốc Sở', organizationId: finance.id, phone: '0912 345 678' });

    const names = async (query: string, organizationId?: string) =>
      (await core.call('people.list', { query, ...(organizationId ? { organizationId } : {}) })).items.map((p) => p.fullName);
    expect(await names('nguyen van a')).toEqual([a.fullName]);
    expect(await names('NGUYỄN')).toEqual([lan.fullName, a.fullName]);
    expect(await names('dang dinh duc')).toEqual([duc.fullName]);
    expect(await names('đức')).toEqual([duc.fullName]);
    expect(await names('giam doc')).toEqual([duc.fullName, lan.fullName]);
    expect(await names('tai chinh')).toEqual([duc.fullName, lan.fullName]);
    expect(await names('lan 0912')).toEqual([lan.fullName]);
    expect(await names('ddduc@')).toEqual([duc.fullName]);
    expect(await names('100%')).toEqual([]);
    expect(await names('', finance.id)).toEqual([duc.fullName, lan.fullName]);

    // Rows another module wrote with plain SQL, without a folded key, are found all the same.
    sql(dir, "INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('0190a6f0-0000-7000-8000-0000000000aa', 'Sở Xây dựng', 'x', 'x')");
    sql(
      dir,
      "INSERT INTO people (id, full_name, organization_id, created_at, updated_at) VALUES ('0190a6f0-0000-7000-8000-0000000000bb', 'Lường Văn Điện', '0190a6f0-0000-7000-8000-0000000000aa', 'x', 'x')",
    );
    expect(await names('luong van dien')).toEqual(['Lường Văn Điện']);
    expect(await names('xay dung')).toEqual(['Lường Văn Điện']);
    expect((await core.call('organizations.list', { query: 'so xay dung' })).map((o) => o.name)).toEqual(['Sở Xây dựng']);
    sql(dir, 'DELETE FROM people WHERE organization_id IS ?', '0190a6f0-0000-7000-8000-0000000000aa');
    sql(dir, "DELETE FROM organizations WHERE name = 'Sở Xây dựng'");

    const page = await core.call('people.list', { limit: 2, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ fullName: duc.fullName, organizationName: 'Sở Tài chính', email: 'ddduc@laocai.gov.vn' });
    expect((await core.call('people.list', { limit: 2, offset: 2 })).items.map((p) => p.id)).toEqual([a.id]);
    await core.close();
  });

  it('validates e-mail, phone and unit, and edits keep the person the same row', async () => {
    const { core, dir } = await openCore();
    await refused(core.call('people.create', { fullName: 'Trần Bình', email: 'binh@' }), 'INVALID_INPUT');
    await refused(core.call('people.create', { fullName: 'Trần Bình', organizationId: '0190a6f0-7b8c-7def-8123-456789abcdef' }), 'NOT_FOUND');
    const p = await core.call('people.create', { fullName: 'Trần Bình', email: '', phone: '' });
    expect(p).toMatchObject({ email: null, phone: null, position: null, organizationId: null, organizationName: null });
    const edited = await core.call('people.update', { id: p.id, fullName: 'Trần Văn Bình', position: 'Chuyên viên', phone: '+84 214 3840 123' });
    expect(edited).toMatchObject({ id: p.id, fullName: 'Trần Văn Bình', position: 'Chuyên viên', phone: '+84 214 3840 123' });
    expect((await core.call('people.list', { query: 'tran van binh' })).total).toBe(1);
    await refused(core.call('people.update', { id: '0190a6f0-7b8c-7def-8123-456789abcdef', fullName: 'X' }), 'NOT_FOUND');
    expect(count(dir, 'people')).toBe(1);
    await core.close();
  });

  it('refuses to delete a person who is on a committee or in a meeting', async () => {
    const { core, dir } = await openCore();
    const p = await core.call('people.create', { fullName: 'Lý Thị Mai' });
    const committee = await core.call('committees.create', { name: 'Ban Chỉ đạo 35' });
    await core.call('committees.setMembers', { committeeId: committee.id, members: [{ personId: p.id, role: 'secretary' }] });
    const e = await refused(core.call('people.delete', { id: p.id }), 'CONFLICT');
    expect(e.text.vi).toBe('Không xóa được Lý Thị Mai vì cán bộ này còn có tên trong 1 Ban Chỉ đạo. Hãy gỡ khỏi đó trước.');

    await core.call('committees.setMembers', { committeeId: committee.id, members: [] });
    const meeting = insertMeeting(dir, committee.id);
    sql(dir, "INSERT INTO participants (id, meeting_id, person_id, role, position) VALUES ('0190a6f0-0000-7000-8000-000000000001', ?, ?, 'guest', 0)", meeting, p.id);
    expect((await refused(core.call('people.delete', { id: p.id }), 'CONFLICT')).text.vi).toContain('1 cuộc họp');
    sql(dir, 'DELETE FROM participants');
    sql(dir, 'UPDATE meetings SET chair_person_id = ?', p.id);
    await refused(core.call('people.delete', { id: p.id }), 'CONFLICT');
    sql(dir, 'DELETE FROM meetings');

    expect(await core.call('people.delete', { id: p.id })).toEqual({ id: p.id });
    expect(count(dir, 'people')).toBe(0);
    await core.close();
  });
});
