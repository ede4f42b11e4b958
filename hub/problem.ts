import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AssignmentSnapshot, Problem } from '../shared/sync/wire.ts';

/** The reason phrase and what the laptop shows the official, per status. */
const TITLES: Record<number, { en: string; vi: string }> = {
  400: { en: 'Bad Request', vi: 'Yêu cầu không hợp lệ' },
  401: { en: 'Unauthorized', vi: 'Chưa xác thực hoặc phiên làm việc đã hết hạn' },
  403: { en: 'Forbidden', vi: 'Không có quyền thực hiện thao tác này' },
  404: { en: 'Not Found', vi: 'Không tìm thấy' },
  409: { en: 'Conflict', vi: 'Xung đột với trạng thái hiện tại của nhiệm vụ' },
  412: { en: 'Precondition Failed', vi: 'Nhiệm vụ đã được thay đổi trên máy chủ' },
  413: { en: 'Content Too Large', vi: 'Dữ liệu gửi lên quá lớn' },
  415: { en: 'Unsupported Media Type', vi: 'Kiểu dữ liệu không được hỗ trợ' },
  422: { en: 'Unprocessable Content', vi: 'Dữ liệu không hợp lệ' },
  424: { en: 'Failed Dependency', vi: 'Chưa thực hiện vì thao tác trước đó trên cùng nhiệm vụ bị từ chối' },
  500: { en: 'Internal Server Error', vi: 'Lỗi máy chủ' },
  503: { en: 'Service Unavailable', vi: 'Máy chủ tạm thời không phục vụ được' },
};

export interface ProblemExtras {
  errors?: Array<{ path: string; message: string }>;
  current?: AssignmentSnapshot;
}

/** An RFC 9457 problem; `code` is stable and what a laptop branches on, `detail` is for people ("vi / en"). */
export function problem(status: number, code: string, detail: string, extras: ProblemExtras = {}): Problem {
  const title = TITLES[status] ?? TITLES[status >= 500 ? 500 : 400]!;
  return { type: `urn:nghisu:problem:${code}`, title: title.en, titleVi: title.vi, status, detail, code, ...extras };
}

/** Thrown anywhere in a request to answer with a problem; anything else thrown is a 500. */
export class HubProblem extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(p: Problem, headers: Record<string, string> = {}) {
    super(p.detail ?? p.title);
    this.problem = p;
    this.headers = headers;
  }
}

export function sendProblem(reply: FastifyReply, p: Problem, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(p.status).headers(headers).type('application/problem+json').send(p);
}

/** Zod issues as JSON Pointers into what was sent (`/operations/0/body/dueDate`). */
export function issues(error: z.ZodError, prefix = ''): Array<{ path: string; message: string }> {
  return error.issues.map((i) => ({ path: prefix + i.path.map((p) => `/${String(p)}`).join(''), message: i.message }));
}

export function invalid(errors: Array<{ path: string; message: string }>): HubProblem {
  return new HubProblem(problem(422, 'invalid', 'Dữ liệu gửi lên không đúng hợp đồng liên thông / the request breaks the contract', { errors }));
}
