import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { ru } from './locales/ru.ts';

const STORAGE_KEY = 'onterms.lang';
export const LANGUAGES = ['ru', 'en'] as const;

function storedLanguage(): string {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return value && (LANGUAGES as readonly string[]).includes(value) ? value : 'ru';
  } catch {
    return 'ru';
  }
}

/** One i18next instance: Russian by default, English switchable; the choice is remembered. */
export function initI18n(language = storedLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { ru: { translation: ru }, en: { translation: en } },
      lng: language,
      fallbackLng: 'ru',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    i18next.on('languageChanged', (lng) => {
      if (typeof document !== 'undefined') document.documentElement.lang = lng;
    });
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  }
  return i18next;
}

export function setLanguage(language: string): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18next.changeLanguage(language);
}
