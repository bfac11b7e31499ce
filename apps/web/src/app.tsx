import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, api, listCalls, login, whoAmI, type CallSummary, type Me } from './api.ts';

const FLAGS: [string, string][] = [
  ['payment_terms', 'Условия оплаты'],
  ['deadline', 'Срок оплаты'],
  ['sanctions', 'Санкции'],
];
const STATUS: Record<string, string> = {
  queued: 'в очереди',
  processing: 'обрабатывается',
  waiting: 'ждёт расшифровки',
  transcribed: 'расшифрован',
  analyzed: 'проанализирован',
  failed: 'ошибка',
};

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    whoAmI().then(setMe, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p role="alert">Не удалось связаться с сервером: {error}</p>;
  if (me === undefined) return <p>Загрузка…</p>;
  if (me === null) return <LoginForm onSignedIn={setMe} />;
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 1200, margin: '0 auto', padding: 16 }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <h1>OnTerms</h1>
        <span>
          {me.user.name} ({me.user.email})
        </span>
      </header>
      {me.user.role === 'rep' || me.user.role === 'manager' ? <UploadForm /> : null}
      <CallsTable />
    </main>
  );
}

function LoginForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      onSignedIn(await login(String(form.get('email')), String(form.get('password'))));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Сервер недоступен, попробуйте ещё раз.');
    }
  }
  return (
    <form onSubmit={submit} style={{ maxWidth: 320, margin: '15vh auto', display: 'grid', gap: 8, fontFamily: 'system-ui' }}>
      <h1>OnTerms</h1>
      <label>
        Эл. почта <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Пароль <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit">Войти</button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}

function UploadForm() {
  const [message, setMessage] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    for (const [key, value] of [...form.entries()]) {
      if (value === '' || (value instanceof File && value.size === 0 && key === 'transcript')) form.delete(key);
    }
    try {
      const res = await api<{ id: string }>('/api/calls', { method: 'POST', body: form });
      setMessage(`Звонок загружен (${res.id}), идёт обработка.`);
      formElement.reset();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : 'Не удалось загрузить файл.');
    }
  }
  return (
    <form onSubmit={submit} aria-label="Загрузка звонка" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'end' }}>
      <label>
        Запись <input name="audio" type="file" accept="audio/*" required />
      </label>
      <label>
        Расшифровка (необязательно) <input name="transcript" type="file" accept=".json,.vtt,.srt" />
      </label>
      <label>
        Клиент <input name="clientName" />
      </label>
      <label>
        Тип
        <select name="callType" defaultValue="credit_negotiation">
          <option value="credit_negotiation">переговоры</option>
          <option value="collection">взыскание</option>
        </select>
      </label>
      <button type="submit">Загрузить</button>
      {message ? <p role="status">{message}</p> : null}
    </form>
  );
}

function CallsTable() {
  const [calls, setCalls] = useState<CallSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stop = false;
    const load = () =>
      listCalls(1).then(
        (page) => !stop && setCalls(page.items),
        (e: Error) => !stop && setError(e.message),
      );
    void load();
    const timer = setInterval(load, 3000); // live status while calls are processed
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!calls) return <p>Загрузка звонков…</p>;
  if (calls.length === 0) return <p>Звонков пока нет — загрузите первую запись.</p>;
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          <th align="left">Дата</th>
          <th align="left">Клиент</th>
          <th align="left">Статус</th>
          {FLAGS.map(([, label]) => (
            <th key={label}>{label}</th>
          ))}
          <th>Уклонение</th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => (
          <tr key={call.id} style={{ borderTop: '1px solid #ddd' }}>
            <td>{new Date(call.recordedAt).toLocaleString('ru-RU')}</td>
            <td>{call.clientName ?? '—'}</td>
            <td title={call.failureReason ?? undefined}>{STATUS[call.status] ?? call.status}</td>
            {FLAGS.map(([flag]) => (
              <td key={flag} align="center">
                {call.flags ? (call.flags[flag] ? '✓' : <span style={{ color: '#c00' }}>✗</span>) : '…'}
              </td>
            ))}
            <td align="center">{call.flags?.deflection ? '⚠' : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
