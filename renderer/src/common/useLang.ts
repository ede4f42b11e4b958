import { useTranslation } from 'react-i18next';
import type { Language } from '../bridge/BridgeError.ts';

/** The UI language now; components using it re-render when it changes. */
export function useLang(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
}
