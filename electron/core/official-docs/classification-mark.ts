import type { Classification } from '../../../shared/contract/index.ts';

/** The độ mật mark printed under the number of a classified document; null for ordinary ones. */
export const CLASSIFICATION_MARKS: Record<Classification, string | null> = {
  normal: null,
  confidential: 'MẬT',
  secret: 'TỐI MẬT',
  top_secret: 'TUYỆT MẬT',
};
