import type { Core } from '../../../electron/core/index.ts';

/**
 * A secretariat's directory set up through the core (the directory has screens and journeys of its
 * own): units, people, one committee with its members, one room. What the meetings specs stand on.
 */
export async function seedDirectory(core: Core) {
  const province = await core.call('organizations.create', { name: 'Ủy ban nhân dân tỉnh Lào Cai', shortName: 'UBND tỉnh' });
  const office = await core.call('organizations.create', { name: 'Văn phòng UBND tỉnh', parentId: province.id });
  const construction = await core.call('organizations.create', { name: 'Sở Xây dựng', parentId: province.id });
  const digital = await core.call('organizations.create', { name: 'Sở Khoa học và Công nghệ', parentId: province.id });
  const chair = await core.call('people.create', { fullName: 'Đặng Quốc Hùng', position: 'Chủ tịch UBND tỉnh', organizationId: province.id });
  const deputy = await core.call('people.create', { fullName: 'Hoàng Thị Mai', position: 'Phó Chủ tịch UBND tỉnh', organizationId: province.id });
  const member = await core.call('people.create', { fullName: 'Nguyễn Văn Thành', position: 'Giám đốc Sở Xây dựng', organizationId: construction.id });
  const secretary = await core.call('people.create', { fullName: 'Trần Văn Bình', position: 'Chánh Văn phòng', organizationId: office.id });
  const committee = await core.call('committees.create', { name: 'Ban Chỉ đạo các công trình trọng điểm tỉnh Lào Cai', shortName: 'BCĐ CTTĐ' });
  await core.call('committees.setMembers', {
    committeeId: committee.id,
    members: [
      { personId: chair.id, role: 'head' },
      { personId: deputy.id, role: 'deputy' },
      { personId: member.id, role: 'member' },
      { personId: secretary.id, role: 'secretary' },
    ],
  });
  const room = await core.call('rooms.create', { name: 'Phòng họp số 1', location: 'Tầng 3, trụ sở UBND tỉnh', capacity: 40 });
  return { units: { province, office, construction, digital }, people: { chair, deputy, member, secretary }, committee, room };
}

export type SeededDirectory = Awaited<ReturnType<typeof seedDirectory>>;
