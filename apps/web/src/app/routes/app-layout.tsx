import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { ErrorMessage, Loading } from '../../components/error-message.tsx';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useLogout } from '../../features/auth/api/logout.ts';
import { LoginForm } from '../../features/auth/components/login-form.tsx';
import { LANGUAGES, setLanguage } from '../../lib/i18n.ts';
import { FollowUpsLink } from './follow-ups-link.tsx';

/** Signed in: the header with navigation by role and the page; otherwise the sign-in form. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const logout = useLogout();
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
  const { user } = me.data;
  const canUpload = user.role === 'rep' || user.role === 'manager';
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" end>
          OnTerms
        </NavLink>
        <nav aria-label={t('nav.label')}>
          {user.role !== 'admin' ? (
            <NavLink to="/" end>
              {t('nav.calls')}
            </NavLink>
          ) : null}
          {user.role === 'rep' ? <NavLink to="/inbox">{t('nav.feedback')}</NavLink> : null}
          {user.role === 'manager' ? <NavLink to="/inbox">{t('nav.toReview')}</NavLink> : null}
          {user.role !== 'admin' ? <FollowUpsLink /> : null}
          {canUpload ? <NavLink to="/upload">{t('nav.upload')}</NavLink> : null}
          {user.role !== 'admin' ? <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink> : null}
          {user.role !== 'rep' ? <NavLink to="/credit-policy">{t('policy.nav')}</NavLink> : null}
          {user.role === 'director' || user.role === 'admin' ? (
            <NavLink to="/receivables/import">{t('nav.import')}</NavLink>
          ) : null}
          {user.role === 'admin' ? <NavLink to="/admin">{t('nav.admin')}</NavLink> : null}
        </nav>
        <div className="who">
          {languageSwitch}
          <span className="small">
            {user.name} · {t(`role.${user.role}`)}
          </span>
          <button type="button" onClick={() => logout.mutate()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet context={me.data} />
      </main>
    </div>
  );
}
