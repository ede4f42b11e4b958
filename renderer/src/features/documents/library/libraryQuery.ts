import {
  calendarDate,
  classification,
  documentKind,
  documentTypeCode,
  urgency,
  type MethodInput,
} from '../../../../../shared/contract/index.ts';
import type { z } from 'zod';

/** What the library shows, as kept in the address (`#/documents?type=TB&page=2`) so Back returns to it. */
export interface LibraryQuery {
  query: string;
  typeCode: string | null;
  classification: z.infer<typeof classification> | null;
  urgency: z.infer<typeof urgency> | null;
  kind: z.infer<typeof documentKind> | null;
  issuedFrom: string | null;
  issuedTo: string | null;
  sort: 'createdAt' | 'issueDate';
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;

function parsed<T>(schema: z.ZodType<T>, value: string | null): T | null {
  if (value === null) return null;
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** A hand-edited or stale address falls back to defaults field by field instead of failing the screen. */
export function readLibraryQuery(params: URLSearchParams): LibraryQuery {
  const size = positive(params.get('size'), DEFAULT_PAGE_SIZE);
  return {
    query: (params.get('q') ?? '').slice(0, 200),
    typeCode: parsed(documentTypeCode, params.get('type')),
    classification: parsed(classification, params.get('cls')),
    urgency: parsed(urgency, params.get('urg')),
    kind: parsed(documentKind, params.get('kind')),
    issuedFrom: parsed(calendarDate, params.get('from')),
    issuedTo: parsed(calendarDate, params.get('to')),
    sort: params.get('sort') === 'issueDate' ? 'issueDate' : 'createdAt',
    page: positive(params.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

export function writeLibraryQuery(q: LibraryQuery): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | null) => {
    if (value) params.set(key, value);
  };
  set('q', q.query.trim());
  set('type', q.typeCode);
  set('cls', q.classification);
  set('urg', q.urgency);
  set('kind', q.kind);
  set('from', q.issuedFrom);
  set('to', q.issuedTo);
  if (q.sort !== 'createdAt') set('sort', q.sort);
  if (q.page > 1) set('page', String(q.page));
  if (q.pageSize !== DEFAULT_PAGE_SIZE) set('size', String(q.pageSize));
  return params;
}

export function hasFilters(q: LibraryQuery): boolean {
  return Boolean(q.query.trim() || q.typeCode || q.classification || q.urgency || q.kind || q.issuedFrom || q.issuedTo);
}

export function listInput(q: LibraryQuery): MethodInput<'documents.list'> {
  return {
    ...(q.query.trim() ? { query: q.query.trim() } : {}),
    ...(q.typeCode ? { typeCode: q.typeCode } : {}),
    ...(q.classification ? { classification: q.classification } : {}),
    ...(q.urgency ? { urgency: q.urgency } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.issuedFrom ? { issuedFrom: q.issuedFrom } : {}),
    ...(q.issuedTo ? { issuedTo: q.issuedTo } : {}),
    sort: q.sort,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  };
}
