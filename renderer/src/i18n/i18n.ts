import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Settings } from '../../../shared/contract/index.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';

export type UiLanguage = Settings['ui.language'];

// Resources are bundled, so initialise synchronously: the first render (and the error boundary,
// which may render before any setting is read) already has Vietnamese text.
void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function applyLanguage(language: UiLanguage): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): UiLanguage {
  return i18next.language === 'en' ? 'en' : 'vi';
}

export { i18next };
