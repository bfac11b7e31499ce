import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../components/error-message.tsx';
import { useFirstRun } from '../api/get-first-run.ts';
import { useLogin } from '../api/login.ts';

export function LoginForm() {
  const { t } = useTranslation();
  const login = useLogin();
  const firstRun = useFirstRun();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };
  const error = login.isError ? describeError(login.error, t) : null;
  return (
    <form onSubmit={submit} className="login" aria-labelledby="login-title">
      <h1 id="login-title">OnTerms</h1>
      <p className="muted">{t('auth.subtitle')}</p>
      {firstRun.data && !firstRun.data.usersExist ? (
        <div className="first-run" role="note">
          <p>{t('firstDay.noUsers')}</p>
          <pre>npx onterms user create --email you@example.com --role admin</pre>
          <p className="small muted">{t('firstDay.noUsersDemo')}</p>
        </div>
      ) : null}
      <label>
        {t('auth.email')}
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <label>
        {t('auth.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={login.isPending}>
        {login.isPending ? t('auth.signingIn') : t('auth.signIn')}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error.text}
        </p>
      ) : null}
    </form>
  );
}
