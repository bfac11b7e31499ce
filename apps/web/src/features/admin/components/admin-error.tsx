import { useTranslation } from 'react-i18next';
import { describeError } from '../../../components/error-message.tsx';
import { ApiError } from '../../../lib/api-client.ts';

/**
 * The admin API answers 400/409 with one English sentence; the common cases get their own words here
 * (the generic 409 text, "the data has changed meanwhile", would mislead for a taken email).
 */
const KNOWN: [RegExp, string][] = [
  [/user with the email .* already exists/i, 'admin.errors.emailTaken'],
  [/team named .* already exists/i, 'admin.errors.teamTaken'],
  [/last active admin/i, 'admin.errors.lastAdmin'],
  [/is not an email address/i, 'admin.errors.badEmail'],
  [/only a rep belongs|only a manager leads/i, 'admin.errors.teamRole'],
];

export function AdminError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const known =
    error instanceof ApiError ? KNOWN.find(([pattern]) => pattern.test(error.message))?.[1] : undefined;
  const { text, detail } = known ? { text: t(known), detail: null } : describeError(error, t);
  return (
    <div role="alert" className="error-box">
      <p>{text}</p>
      {detail ? <p className="small muted">{t('errors.detail', { detail })}</p> : null}
    </div>
  );
}
