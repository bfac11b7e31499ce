import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../components/error-message.tsx';
import { useLogin } from '../api/login.ts';

export function LoginForm() {
  const { t } = useTranslation();
  const login = useLogin();
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
          {error.detail ? ` ${t('errors.detail', { detail: error.detail })}` : ''}
        </p>
      ) : null}
    </form>
  );
}
