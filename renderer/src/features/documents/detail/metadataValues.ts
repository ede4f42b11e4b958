import dayjs, { type Dayjs } from 'dayjs';
import type { Classification, DocumentDetail, MethodInput, Urgency } from '../../../../../shared/contract/index.ts';

/** The form's view of a document's metadata: empty strings for unknown text, a picker value for the date. */
export interface MetadataValues {
  fileName: string;
  number: string;
  notation: string;
  issueDate: Dayjs | null;
  issuer: string;
  summary: string;
  typeCode: string | undefined;
  classification: Classification;
  urgency: Urgency;
}

export const METADATA_FIELDS = [
  'fileName',
  'number',
  'notation',
  'issueDate',
  'issuer',
  'summary',
  'typeCode',
  'classification',
  'urgency',
] as const satisfies readonly (keyof MetadataValues)[];

export function toValues(doc: DocumentDetail): MetadataValues {
  return {
    fileName: doc.fileName,
    number: doc.number ?? '',
    notation: doc.notation ?? '',
    issueDate: doc.issueDate ? dayjs(doc.issueDate) : null,
    issuer: doc.issuer ?? '',
    summary: doc.summary ?? '',
    typeCode: doc.typeCode ?? undefined,
    classification: doc.classification,
    urgency: doc.urgency,
  };
}

type Update = MethodInput<'documents.update'>;

function text(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Only the fields the user changed, so saving never overwrites a field someone else edited
 * meanwhile (another window, the CLI). Blank text means "clear it".
 */
export function changes(values: Partial<MetadataValues>, doc: DocumentDetail): Omit<Update, 'id'> {
  const out: Omit<Update, 'id'> = {};
  const fileName = text(values.fileName);
  if (fileName !== null && fileName !== doc.fileName) out.fileName = fileName;
  for (const key of ['number', 'notation', 'issuer', 'summary'] as const) {
    const value = text(values[key]);
    if (value !== doc[key]) out[key] = value;
  }
  const issueDate = values.issueDate ? values.issueDate.format('YYYY-MM-DD') : null;
  if (issueDate !== doc.issueDate) out.issueDate = issueDate;
  const typeCode = values.typeCode ?? null;
  if (typeCode !== doc.typeCode) out.typeCode = typeCode;
  if (values.classification !== undefined && values.classification !== doc.classification) out.classification = values.classification;
  if (values.urgency !== undefined && values.urgency !== doc.urgency) out.urgency = values.urgency;
  return out;
}
