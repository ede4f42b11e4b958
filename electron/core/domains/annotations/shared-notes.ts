import type { AnnotationsInput, AnnotationsOutputs } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import type { AnnotationDeps } from './deps.ts';

// PLACEHOLDER (being written): a member's shared annotations as one signed file, and its import.
const todo = () => new CoreError('INVALID_STATE', { vi: 'Chưa hỗ trợ.', en: 'Not supported yet.' });

export function createSharedNotes(_ctx: ServiceContext, _deps: AnnotationDeps) {
  return {
    exportShared: async (_i: AnnotationsInput<'annotations.exportShared'>): Promise<AnnotationsOutputs['annotations.exportShared']> => { throw todo(); },
    inspectShared: async (_i: AnnotationsInput<'annotations.inspectShared'>): Promise<AnnotationsOutputs['annotations.inspectShared']> => { throw todo(); },
    importShared: async (_i: AnnotationsInput<'annotations.importShared'>): Promise<AnnotationsOutputs['annotations.importShared']> => { throw todo(); },
    /** A shared-notes file on disk (CLI); `trustSigner` first accepts its key. */
    importSharedFile: async (_file: string, _trustSigner: boolean): Promise<AnnotationsOutputs['annotations.importFile']> => { throw todo(); },
  };
}
