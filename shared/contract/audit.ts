import { z } from 'zod';
import { calendarDate, id, paging, type ExportedFile, type Page, filePath } from './common.ts';
import type { MethodSpecs } from './method-spec.ts';

const auditFilter = z
  .object({
    /** First and last calendar day (Asia/Ho_Chi_Minh), both inclusive. */
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    /** The profile id of the person who made the change. */
    actorId: id.optional(),
    /** An action name or its area prefix: `meetings` matches `meetings.create`, `meetings.update`, … */
    action: z.string().trim().max(100).regex(/^[a-zA-Z.]*$/, 'Tên thao tác không hợp lệ / invalid action name').optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'Ngày bắt đầu sau ngày kết thúc / the start is after the end', path: ['to'] });

/**
 * The audit log (nhật ký hoạt động): every change, export and restore, in a hash chain — each entry
 * holds the hash of the one before, so a removed or edited row is found by `audit.verify`.
 */
export const auditMethods = {
  'audit.list': { access: 'ui', input: z.object({ filter: auditFilter.optional(), ...paging }).strict() },
  /** The people who appear in the log, for the filter. */
  'audit.actors': { access: 'ui', input: z.object({}).strict() },
  /** Walks the whole chain and reports the first problems found. */
  'audit.verify': { access: 'ui', input: z.object({}).strict() },
  /** The filtered log as XLSX, with the chain's head and the verification result. */
  'audit.export': { access: 'ui', input: z.object({ filter: auditFilter.optional() }).strict() },
  /** CLI: the same workbook straight to a path. */
  'audit.exportFile': {
    access: 'local',
    input: z.object({ filter: auditFilter.optional(), file: filePath, overwrite: z.boolean().optional() }).strict(),
  },
} as const satisfies MethodSpecs;

export type AuditFilter = z.input<typeof auditFilter>;

export interface AuditEntryView {
  /** Position in the chain, from 1 with no gaps. */
  seq: number;
  id: string;
  /** UTC ISO-8601. */
  at: string;
  action: string;
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown> | null;
  actor: { id: string; name: string } | null;
  hash: string;
}

export interface AuditActor {
  id: string;
  name: string;
  entries: number;
}

export type AuditProblemKind = 'edited' | 'missing' | 'relinked' | 'unsealed';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The chain position where the problem shows (for `missing`: the first position absent). */
  seq: number;
  /** The entry's id where one exists. */
  id: string | null;
  message: { vi: string; en: string };
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The newest entry: an auditor who noted it can later tell whether entries after it were cut off. */
  head: { seq: number; hash: string } | null;
  /** At most 20, oldest first. */
  problems: AuditProblem[];
  checkedAt: string;
}

export interface AuditFileExportResult {
  file: string;
  entries: number;
  bytes: number;
  verification: AuditVerification;
}

export interface AuditOutputs {
  'audit.list': Page<AuditEntryView>;
  'audit.actors': AuditActor[];
  'audit.verify': AuditVerification;
  'audit.export': ExportedFile;
  'audit.exportFile': AuditFileExportResult;
}

type Label = { vi: string; en: string };

/** What each area of the log is about, by the first part of an action name. */
const auditAreas: Record<string, Label> = {
  agenda: { vi: 'Chương trình họp', en: 'Agenda' },
  annotations: { vi: 'Ghi chú tài liệu', en: 'Annotations' },
  attendance: { vi: 'Điểm danh', en: 'Attendance' },
  liveRoom: { vi: 'Phòng họp trực tuyến', en: 'Live room' },
  audit: { vi: 'Nhật ký', en: 'Audit log' },
  backup: { vi: 'Sao lưu', en: 'Backup' },
  calendar: { vi: 'Lịch làm việc', en: 'Working calendar' },
  catalogs: { vi: 'Danh mục', en: 'Catalogs' },
  classified: { vi: 'Tài liệu mật', en: 'Classified documents' },
  committees: { vi: 'Ban Chỉ đạo', en: 'Committees' },
  directory: { vi: 'Danh bạ', en: 'Directory' },
  documents: { vi: 'Tài liệu', en: 'Documents' },
  invitations: { vi: 'Giấy mời', en: 'Invitations' },
  keys: { vi: 'Khóa tin cậy', en: 'Trusted keys' },
  meetings: { vi: 'Cuộc họp', en: 'Meetings' },
  minutes: { vi: 'Biên bản', en: 'Minutes' },
  notice: { vi: 'Thông báo kết luận', en: 'Conclusion notice' },
  opinions: { vi: 'Lấy ý kiến bằng văn bản', en: 'Written opinions' },
  organizations: { vi: 'Cơ quan, đơn vị', en: 'Units' },
  packs: { vi: 'Gói tài liệu', en: 'Meeting packs' },
  participants: { vi: 'Thành phần tham dự', en: 'Participants' },
  people: { vi: 'Cán bộ', en: 'People' },
  plans: { vi: 'Kế hoạch, chỉ tiêu', en: 'Action plans' },
  profile: { vi: 'Hồ sơ người dùng', en: 'Profile' },
  reports: { vi: 'Báo cáo', en: 'Reports' },
  rooms: { vi: 'Phòng họp', en: 'Rooms' },
  security: { vi: 'Khóa ứng dụng', en: 'App lock' },
  settings: { vi: 'Cài đặt', en: 'Settings' },
  sync: { vi: 'Liên thông', en: 'Sync' },
  targets: { vi: 'Chỉ tiêu', en: 'Targets' },
  tasks: { vi: 'Nhiệm vụ', en: 'Tasks' },
};

/** What was done, by the last part of an action name. */
const auditVerbs: Record<string, Label> = {
  accept: { vi: 'xác nhận hoàn thành', en: 'accept as done' },
  add: { vi: 'thêm', en: 'add' },
  addCommittee: { vi: 'thêm cả Ban', en: 'add the committee' },
  addConclusion: { vi: 'thêm kết luận', en: 'add a conclusion' },
  answer: { vi: 'trả lời', en: 'answer' },
  attach: { vi: 'gắn vào cuộc họp', en: 'attach' },
  ballot: { vi: 'nhận phiếu biểu quyết', en: 'ballot counted' },
  cancel: { vi: 'hủy', en: 'cancel' },
  close: { vi: 'đóng', en: 'close' },
  closeVote: { vi: 'kết thúc biểu quyết', en: 'close a vote' },
  carry: { vi: 'chuyển sang phiên bản mới', en: 'carry to a new version' },
  changePassphrase: { vi: 'đổi mật khẩu', en: 'change the passphrase' },
  clone: { vi: 'nhân bản', en: 'clone' },
  complete: { vi: 'báo hoàn thành', en: 'report done' },
  configure: { vi: 'kết nối', en: 'connect' },
  create: { vi: 'tạo mới', en: 'create' },
  delete: { vi: 'xóa', en: 'delete' },
  detach: { vi: 'gỡ khỏi cuộc họp', en: 'detach' },
  disconnect: { vi: 'ngắt kết nối', en: 'disconnect' },
  dismiss: { vi: 'bỏ thay đổi bị từ chối', en: 'dismiss a refused change' },
  draft: { vi: 'lập bản nháp', en: 'start the draft' },
  export: { vi: 'xuất tệp', en: 'export' },
  exportIcs: { vi: 'xuất lịch (.ics)', en: 'export calendar (.ics)' },
  exportAnswers: { vi: 'xuất phiếu trả lời', en: 'export the answers' },
  exportPdf: { vi: 'xuất PDF', en: 'export PDF' },
  exportShared: { vi: 'xuất ghi chú chia sẻ', en: 'export shared notes' },
  exportSummary: { vi: 'xuất tổng hợp ý kiến', en: 'export the summary' },
  exportXlsx: { vi: 'xuất Excel', en: 'export Excel' },
  extend: { vi: 'gia hạn', en: 'extend' },
  finalize: { vi: 'hoàn tất, khóa', en: 'finalize' },
  import: { vi: 'nhập', en: 'import' },
  importAnswers: { vi: 'nhập phiếu trả lời', en: 'import answers' },
  importShared: { vi: 'nhập ghi chú chia sẻ', en: 'import shared notes' },
  importXfdf: { vi: 'nhập XFDF', en: 'import XFDF' },
  issue: { vi: 'ban hành', en: 'issue' },
  linkTasks: { vi: 'gắn nhiệm vụ', en: 'link tasks' },
  lock: { vi: 'khóa', en: 'lock' },
  move: { vi: 'đổi thứ tự', en: 'reorder' },
  open: { vi: 'mở', en: 'open' },
  openVote: { vi: 'mở biểu quyết', en: 'open a vote' },
  pause: { vi: 'tạm dừng', en: 'pause' },
  publish: { vi: 'gửi gói qua Hệ thống điều hành', en: 'send a pack through the operations system' },
  pull: { vi: 'nhận thay đổi', en: 'receive changes' },
  refresh: { vi: 'cập nhật từ cuộc họp', en: 'refresh from the meeting' },
  regenerate: { vi: 'soạn lại từ kết luận', en: 'regenerate from the conclusions' },
  release: { vi: 'cho phép đưa ra ngoài (có lý do)', en: 'released with a reason' },
  remind: { vi: 'đôn đốc', en: 'remind' },
  remove: { vi: 'bỏ', en: 'remove' },
  reopen: { vi: 'mở lại để sửa', en: 'reopen' },
  resolve: { vi: 'xử lý xung đột', en: 'resolve a conflict' },
  reorderAttachments: { vi: 'đổi thứ tự tệp đính kèm', en: 'reorder attachments' },
  replaceVersion: { vi: 'thay phiên bản', en: 'replace version' },
  report: { vi: 'báo cáo tiến độ', en: 'report progress' },
  restore: { vi: 'khôi phục', en: 'restore' },
  restoreRevision: { vi: 'khôi phục phiên bản cũ', en: 'restore a revision' },
  resume: { vi: 'tiếp tục', en: 'resume' },
  return: { vi: 'trả lại', en: 'return' },
  save: { vi: 'lưu', en: 'save' },
  set: { vi: 'đặt', en: 'set' },
  setMembers: { vi: 'cập nhật thành viên', en: 'set members' },
  setPassphrase: { vi: 'đặt mật khẩu', en: 'set the passphrase' },
  setRsvp: { vi: 'ghi phản hồi', en: 'record reply' },
  setStatus: { vi: 'chuyển trạng thái', en: 'change status' },
  setThresholds: { vi: 'đặt ngưỡng đánh giá', en: 'set the thresholds' },
  trust: { vi: 'tin cậy', en: 'trust' },
  unlinkTask: { vi: 'bỏ nhiệm vụ khỏi kế hoạch', en: 'unlink a task' },
  unlock: { vi: 'mở khóa', en: 'unlock' },
  unlockFailed: { vi: 'nhập sai mật khẩu', en: 'wrong passphrase' },
  untrust: { vi: 'bỏ tin cậy', en: 'stop trusting' },
  update: { vi: 'sửa', en: 'edit' },
};

/** "Cuộc họp: tạo mới" for `meetings.create`; an action this build does not know reads as its name. */
export function auditActionLabel(action: string, lang: 'vi' | 'en'): string {
  const dot = action.indexOf('.');
  const area = auditAreas[dot < 0 ? action : action.slice(0, dot)];
  const verb = dot < 0 ? undefined : auditVerbs[action.slice(dot + 1)];
  if (!area || (dot >= 0 && !verb)) return action;
  return verb ? `${area[lang]}: ${verb[lang]}` : area[lang];
}

/** The areas, for a filter. */
export const auditAreaOptions = Object.entries(auditAreas).map(([value, label]) => ({ value, label }));
