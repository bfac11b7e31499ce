import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { ErrorMessage, Loading } from '../../components/error-message.tsx';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useLogout } from '../../features/auth/api/logout.ts';
import { LoginForm } from '../../features/auth/components/login-form.tsx';
import { useInboxCounts } from '../../features/coaching/api/get-inbox-counts.ts';
import { setCompanyTimeZone } from '../../lib/format.ts';
import { LANGUAGES, setLanguage } from '../../lib/i18n.ts';
import type { InboxCounts, SessionInfo as Session } from '@onterms/contracts';
import { navItemsFor, START_PATH } from '../navigation.ts';
import { usePageTitle } from './use-page-title.ts';
import { FollowUpsLink } from './follow-ups-link.tsx';

/** Signed in: the header with navigation by role and the page; otherwise the sign-in form. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const languageSwitch = (
    <label className="inline lang">
      <span className="visually-hidden">{t('nav.language')}</span>
      <select
        value={i18n.language}
        onChange={(e) => setLanguage(e.target.value)}
        aria-label={t('nav.language')}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {l === 'ru' ? 'Русский' : 'English'}
          </option>
        ))}
      </select>
    </label>
  );
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    return (
      <main className="login-page">
        <div className="login-lang">{languageSwitch}</div>
        <LoginForm />
      </main>
    );
  }
  return <SignedIn session={me.data} languageSwitch={languageSwitch} />;
}

function SignedIn({ session, languageSwitch }: { session: Session; languageSwitch: React.ReactNode }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const { user } = session;
  setCompanyTimeZone(session.workspace?.timeZone);
  const items = navItemsFor(user.role);
  const counts = useInboxCounts(items.some((item) => item.counters?.length));
  const [menuOpen, setMenuOpen] = useState(false);
  usePageTitle();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <header className={`topbar${menuOpen ? ' open' : ''}`}>
        <NavLink to={START_PATH[user.role]} className="brand">
          OnTerms
        </NavLink>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? t('firstDay.menuClose') : t('firstDay.menu')}
        </button>
        <nav id="main-nav" aria-label={t('nav.label')} onClick={() => setMenuOpen(false)}>
          {items.map((item) => (
            <NavLink key={item.label} to={item.to} end={item.to === '/calls'}>
              {t(item.label)}
              {item.counters?.map((key) => (
                <Counter key={key} name={key} value={counts.data?.[key] ?? 0} />
              ))}
            </NavLink>
          ))}
          {/* Its counter comes from the follow-up queue itself, not from the inbox counts. */}
          {user.role !== 'admin' ? <FollowUpsLink /> : null}
        </nav>
        <div className="who">
          {languageSwitch}
          <span className="small truncate" title={`${user.name} · ${t(`role.${user.role}`)}`}>
            {user.name} · {t(`role.${user.role}`)}
          </span>
          <button type="button" onClick={() => logout.mutate()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet context={session} />
      </main>
    </div>
  );
}

function Counter({ name, value }: { name: keyof InboxCounts; value: number }) {
  const { t } = useTranslation();
  if (!value) return null;
  const meaning = t(`firstDay.counter.${name}`, { count: value });
  return (
    <span className={`counter counter-${name}`} title={meaning} aria-label={meaning} data-counter={name}>
      {value}
    </span>
  );
}
