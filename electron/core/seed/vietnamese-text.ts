import type { Random } from './random.ts';

/**
 * Generated Vietnamese administrative prose for the benchmark dataset: the vocabulary and sentence
 * shapes of provincial reports and resolutions, so the search index sees realistic token statistics
 * (many common words, a long tail of names and places), not lorem ipsum.
 */
const subjects = [
  'Ủy ban nhân dân tỉnh', 'Ban Chỉ đạo', 'Sở Kế hoạch và Đầu tư', 'Sở Tài chính', 'Sở Giao thông vận tải',
  'Sở Xây dựng', 'Sở Tài nguyên và Môi trường', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Y tế',
  'Sở Giáo dục và Đào tạo', 'Sở Công Thương', 'Sở Nội vụ', 'Sở Tư pháp', 'Sở Thông tin và Truyền thông',
  'Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh', 'Ủy ban nhân dân huyện', 'Ban Quản lý dự án đầu tư xây dựng',
  'Văn phòng Ủy ban nhân dân tỉnh', 'Thanh tra tỉnh', 'Cục Thuế tỉnh', 'Kho bạc Nhà nước tỉnh',
];
const verbs = [
  'chủ trì, phối hợp với', 'khẩn trương hoàn thiện', 'tổ chức triển khai', 'rà soát, đánh giá',
  'tham mưu cho Ủy ban nhân dân tỉnh về', 'đẩy nhanh tiến độ', 'báo cáo kết quả thực hiện',
  'xây dựng kế hoạch', 'kiểm tra, đôn đốc', 'tập trung giải quyết dứt điểm', 'hướng dẫn thực hiện',
];
const topics = [
  'dự án đường sắt Lào Cai - Hà Nội - Hải Phòng', 'giải phóng mặt bằng', 'giải ngân vốn đầu tư công',
  'chuyển đổi số', 'cải cách hành chính', 'xây dựng nông thôn mới', 'giảm nghèo bền vững',
  'phòng, chống thiên tai', 'bảo vệ và phát triển rừng', 'thu hút đầu tư', 'phát triển du lịch Sa Pa',
  'cửa khẩu quốc tế Kim Thành', 'khu kinh tế cửa khẩu', 'chương trình mục tiêu quốc gia', 'an toàn giao thông',
  'quy hoạch tỉnh thời kỳ 2021-2030', 'nghị quyết của Tỉnh ủy', 'kết luận của Ban Chỉ đạo',
  'thu ngân sách nhà nước', 'bố trí tái định cư', 'sắp xếp đơn vị hành chính cấp xã', 'y tế cơ sở',
  'chất lượng giáo dục vùng cao', 'nước sạch nông thôn', 'đề án phát triển kinh tế tập thể',
];
const qualifiers = [
  'theo đúng quy định của pháp luật', 'bảo đảm tiến độ đề ra', 'trước ngày 30 tháng 6',
  'trong quý IV', 'báo cáo Ban Chỉ đạo tại phiên họp tiếp theo', 'có hiệu quả, thực chất',
  'tránh hình thức, lãng phí', 'gắn với trách nhiệm người đứng đầu', 'trên địa bàn tỉnh',
  'tại các huyện vùng cao', 'theo chỉ đạo của Thường trực Tỉnh ủy', 'đúng thẩm quyền',
];
const places = ['Bát Xát', 'Mường Khương', 'Si Ma Cai', 'Bắc Hà', 'Bảo Thắng', 'Bảo Yên', 'Văn Bàn', 'Sa Pa', 'Cam Đường', 'Yên Bái'];
const numbers = () => ['tỷ đồng', 'ha', 'km', 'hộ', 'công trình', '%'];

export function sentence(r: Random): string {
  const shape = r.int(0, 3);
  if (shape === 0) return `${r.pick(subjects)} ${r.pick(verbs)} ${r.pick(subjects)} ${r.pick(topics)} ${r.pick(qualifiers)}.`;
  if (shape === 1) {
    return `Kết quả ${r.pick(topics)} tại ${r.pick(places)} đạt ${r.int(12, 98)}${r.pick(numbers())}, ${r.pick(qualifiers)}.`;
  }
  if (shape === 2) return `Giao ${r.pick(subjects)} ${r.pick(verbs)} ${r.pick(topics)}, ${r.pick(qualifiers)}.`;
  return `Về ${r.pick(topics)}: ${r.pick(subjects)} ${r.pick(verbs)} các đơn vị liên quan ${r.pick(qualifiers)}.`;
}

/** About `chars` characters of prose in paragraphs. */
export function pageText(r: Random, chars: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const p = Array.from({ length: r.int(2, 5) }, () => sentence(r)).join(' ');
    paragraphs.push(p);
    length += p.length + 1;
  }
  return paragraphs.join('\n');
}

export function meetingTitle(r: Random, committee: string): string {
  return r.chance(0.6)
    ? `Phiên họp ${r.pick(['thường kỳ', 'định kỳ', 'mở rộng'])} ${committee}`
    : `Họp ${committee} về ${r.pick(topics)}`;
}

export function agendaTitle(r: Random): string {
  return `${r.pick(['Báo cáo', 'Tờ trình', 'Thảo luận', 'Cho ý kiến về', 'Đánh giá'])} ${r.pick(topics)}`;
}

export function documentSummary(r: Random): string {
  return `${r.pick(['Về việc', 'Báo cáo', 'Kế hoạch', 'Đề án', 'Kết luận về'])} ${r.pick(topics)} ${r.pick(qualifiers)}`;
}

export const committeeNames = [
  'Ban Chỉ đạo Chuyển đổi số', 'Ban Chỉ đạo Cải cách hành chính', 'Ban Chỉ đạo Xây dựng nông thôn mới',
  'Ban Chỉ đạo Giảm nghèo bền vững', 'Ban Chỉ đạo Phòng, chống thiên tai', 'Ban Chỉ đạo các dự án trọng điểm',
  'Ban Chỉ đạo Phát triển du lịch', 'Ban Chỉ đạo Giải phóng mặt bằng', 'Ban Chỉ đạo An toàn giao thông',
  'Ban Chỉ đạo Thu ngân sách', 'Ban Chỉ đạo Phòng, chống tham nhũng', 'Ban Chỉ đạo Quy hoạch tỉnh',
  'Ban Chỉ đạo Kinh tế tập thể', 'Ban Chỉ đạo Y tế cơ sở', 'Ban Chỉ đạo Giáo dục vùng cao',
];

export const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Giàng', 'Sùng', 'Lò'];
export const middleNames = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Hữu', 'Ngọc', 'Xuân', 'Seo', 'A'];
export const givenNames = ['An', 'Bình', 'Cường', 'Dũng', 'Đông', 'Giang', 'Hà', 'Hải', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phong', 'Quang', 'Sơn', 'Thảo', 'Trung', 'Tuấn', 'Vân', 'Chứ', 'Páo'];
export const positions = ['Giám đốc', 'Phó Giám đốc', 'Chánh Văn phòng', 'Trưởng phòng', 'Phó Trưởng phòng', 'Chuyên viên', 'Chủ tịch', 'Phó Chủ tịch'];
export { subjects as organizationNames, places };

/**
 * Units beyond the subjects above, so a province's tasks spread over about sixty: the other sở,
 * ban, ngành of the province and the people's committees of a city, a township and some communes.
 */
export const extraDepartments = [
  'Sở Văn hóa, Thể thao và Du lịch', 'Sở Lao động - Thương binh và Xã hội', 'Sở Khoa học và Công nghệ', 'Sở Ngoại vụ',
  'Ban Dân tộc tỉnh', 'Ban Quản lý Khu kinh tế tỉnh', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Đài Phát thanh và Truyền hình tỉnh',
  'Bảo hiểm xã hội tỉnh', 'Cục Hải quan tỉnh', 'Cục Thống kê tỉnh', 'Ngân hàng Nhà nước chi nhánh tỉnh',
  'Trung tâm Phục vụ hành chính công tỉnh', 'Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh',
  'Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh', 'Quỹ Đầu tư phát triển tỉnh',
  'Trường Cao đẳng Lào Cai', 'Liên minh Hợp tác xã tỉnh', 'Văn phòng Điều phối nông thôn mới tỉnh', 'Cục Quản lý thị trường tỉnh',
  'Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch tỉnh', 'Hội Nông dân tỉnh', 'Ban Tiếp công dân tỉnh',
];
export const localCommittees = [
  'Ủy ban nhân dân thành phố Lào Cai', 'Ủy ban nhân dân thị trấn Phố Lu', 'Ủy ban nhân dân xã Y Tý', 'Ủy ban nhân dân xã Bản Lầu',
  'Ủy ban nhân dân xã Lùng Phình', 'Ủy ban nhân dân phường Kim Tân', 'Ủy ban nhân dân phường Duyên Hải',
];

const taskVerbs = [
  'khẩn trương hoàn thiện hồ sơ', 'tổ chức triển khai thực hiện', 'rà soát, đánh giá và đề xuất giải pháp về', 'tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch',
  'đẩy nhanh tiến độ', 'xây dựng đề án', 'kiểm tra, đôn đốc', 'tập trung giải quyết dứt điểm vướng mắc về', 'hướng dẫn các địa phương thực hiện',
  'tổng hợp, báo cáo kết quả', 'chủ động bố trí nguồn lực cho', 'hoàn thành thủ tục đầu tư',
];
const taskResults = [
  'Báo cáo kết quả gửi Ủy ban nhân dân tỉnh', 'Kế hoạch được ban hành', 'Tờ trình kèm dự thảo quyết định', 'Hồ sơ trình thẩm định',
  'Văn bản hướng dẫn gửi các địa phương', 'Đề án trình Ban Chỉ đạo', 'Biên bản kiểm tra và kiến nghị xử lý',
];

/** A task (nhiệm vụ) as a conclusion or a directive words it: who leads, with whom, what, how. */
export function taskContent(r: Random, lead: string, coordinating: readonly string[]): string {
  const withWhom = coordinating.length ? `, phối hợp với ${coordinating.join(', ')}` : ', phối hợp với các đơn vị liên quan';
  return `Giao ${lead} chủ trì${withWhom} ${r.pick(taskVerbs)} ${r.pick(topics)}, ${r.pick(qualifiers)}.`;
}

export function taskResult(r: Random): string {
  return `${r.pick(taskResults)} về ${r.pick(topics)}`;
}

export function progressText(r: Random, percent: number): string {
  return `Đã thực hiện được khoảng ${percent}% khối lượng; ${r.pick([
    'đang hoàn thiện hồ sơ', 'đã lấy ý kiến các sở, ngành', 'đang phối hợp với các huyện rà soát số liệu', 'đã tổ chức họp với các đơn vị phối hợp',
    'còn vướng mắc về mặt bằng', 'chờ bố trí kinh phí', 'đã trình lãnh đạo Sở cho ý kiến',
  ])}.`;
}

export const taskTags = ['dự án trọng điểm', 'chuyển đổi số', 'cải cách hành chính', 'nông thôn mới', 'giải ngân đầu tư công', 'an sinh xã hội'];
export const extensionReasons = [
  'Chờ ý kiến thẩm định của các bộ, ngành Trung ương', 'Vướng mắc trong công tác giải phóng mặt bằng', 'Chưa được bố trí kinh phí thực hiện',
  'Cần thêm thời gian lấy ý kiến các địa phương', 'Thời tiết mưa lũ kéo dài ảnh hưởng tiến độ', 'Phải điều chỉnh hồ sơ theo quy định mới',
];
