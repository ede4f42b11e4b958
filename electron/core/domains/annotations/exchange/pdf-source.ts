import { PDFDocument } from 'pdf-lib';
import { CoreError } from '../../../errors.ts';
import { readStoredFile, type BlobKey } from '../../../files/blob-cipher.ts';

/**
 * A stored PDF opened for writing annotations into it. Encrypted files are refused rather than
 * rewritten: pdf-lib cannot re-encrypt, and saving one decrypted would hand out an unprotected copy.
 */
export async function openStoredPdf(file: string, key: BlobKey, fileName: string): Promise<PDFDocument> {
  let bytes: Buffer;
  try {
    bytes = await readStoredFile(file, key);
  } catch (e) {
    if (e instanceof CoreError) throw e;
    throw new CoreError('IO_ERROR', { vi: `Không đọc được tệp "${fileName}".`, en: `Cannot read "${fileName}".` }, undefined, { cause: e });
  }
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch (e) {
    throw new CoreError(
      'PDF_INVALID',
      { vi: `Tệp "${fileName}" bị hỏng nên không xuất kèm ghi chú được.`, en: `"${fileName}" is damaged, so it cannot be exported with annotations.` },
      undefined,
      { cause: e },
    );
  }
  if (pdf.isEncrypted) {
    throw new CoreError('PDF_ENCRYPTED', {
      vi: `Tệp "${fileName}" được mã hóa (có mật khẩu chủ sở hữu) nên không ghi thêm ghi chú vào được. Hãy xuất XFDF hoặc danh sách ghi chú.`,
      en: `"${fileName}" is encrypted (it has an owner password), so annotations cannot be written into it. Export XFDF or the notes list instead.`,
    });
  }
  if (pdf.getPageCount() === 0) {
    throw new CoreError('PDF_INVALID', { vi: `Tệp PDF "${fileName}" không có trang nào.`, en: `The PDF "${fileName}" has no pages.` });
  }
  return pdf;
}
