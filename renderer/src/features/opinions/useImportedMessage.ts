import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionImportResult } from '../../../../shared/contract/index.ts';

/** What an import did, in a sentence: a request taken in or refreshed, or whose answers came back and how. */
export function useImportedMessage(): (result: OpinionImportResult) => string {
  const { t } = useTranslation('opinions');
  return useCallback(
    (r: OpinionImportResult) => {
      if (r.kind === 'request') {
        return r.updated ? t('import.requestUpdated', { title: r.title }) : t('import.requestDone', { title: r.title, questions: r.questions, documents: r.documents });
      }
      const name = r.person.name;
      if (r.unchanged) return t('import.answersUnchanged', { name });
      if (r.replaced) return t('import.answersReplaced', { name });
      return r.late ? t('import.answersLate', { name, count: r.answers }) : t('import.answersDone', { name, count: r.answers });
    },
    [t],
  );
}
