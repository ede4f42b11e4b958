import type { AnnotationsInput, AnnotationsOutputs } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import type { AnnotationDeps } from './deps.ts';

// PLACEHOLDER (being written): PDF (annotated/flattened), XFDF, my-notes exports and XFDF import.
const todo = () => new CoreError('INVALID_STATE', { vi: 'Chưa hỗ trợ.', en: 'Not supported yet.' });

export function createFileExchange(_ctx: ServiceContext, _deps: AnnotationDeps) {
  return {
    exportPdf: async (_i: AnnotationsInput<'annotations.exportPdf'>): Promise<AnnotationsOutputs['annotations.exportPdf']> => { throw todo(); },
    exportXfdf: async (_i: AnnotationsInput<'annotations.exportXfdf'>): Promise<AnnotationsOutputs['annotations.exportXfdf']> => { throw todo(); },
    importXfdf: async (_i: AnnotationsInput<'annotations.importXfdf'>): Promise<AnnotationsOutputs['annotations.importXfdf']> => { throw todo(); },
    exportNotes: async (_i: AnnotationsInput<'annotations.exportNotes'>): Promise<AnnotationsOutputs['annotations.exportNotes']> => { throw todo(); },
    exportFile: async (_i: AnnotationsInput<'annotations.exportFile'>): Promise<AnnotationsOutputs['annotations.exportFile']> => { throw todo(); },
    /** An XFDF file on disk (CLI). */
    importXfdfFile: async (_file: string, _documentId: string | undefined): Promise<AnnotationsOutputs['annotations.importFile']> => { throw todo(); },
  };
}
