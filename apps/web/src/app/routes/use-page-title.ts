import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** The browser tab says which page this is: «На проверку — OnTerms». A page may refine it (the call page). */
const TITLES: [RegExp, string][] = [
  [/^\/inbox/, 'firstDay.title.inbox'],
  [/^\/calls\/[^/]+/, 'firstDay.title.call'],
  [/^\/calls/, 'nav.calls'],
  [/^\/upload/, 'nav.upload'],
  [/^\/dashboard/, 'nav.dashboard'],
  [/^\/admin/, 'nav.admin'],
];

export function usePageTitle() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useEffect(() => {
    const key = TITLES.find(([pattern]) => pattern.test(pathname))?.[1];
    document.title = key ? `${t(key)} — OnTerms` : 'OnTerms';
  }, [pathname, t]);
}
