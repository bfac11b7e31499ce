import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** What the secret is, e.g. "Password for anna@example.com". */
  label: string;
  secret: string;
  onDone: () => void;
}

/** A secret the API returns once (a generated password, a token): copy it now, it is not shown again. */
export function SecretOnce({ label, secret, onDone }: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const copy = () => {
    if (!navigator.clipboard) return setCopied('no');
    navigator.clipboard.writeText(secret).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };
  return (
    <div className="error-box secret-once" role="region" aria-label={label} tabIndex={-1} ref={box}>
      <p>
        <strong>{label}</strong>
      </p>
      <p>
        <code data-testid="secret">{secret}</code>
      </p>
      <p>{t('admin.secretWarning')}</p>
      <div className="row">
        <button type="button" onClick={copy}>
          {t('admin.copy')}
        </button>
        <button type="button" onClick={onDone}>
          {t('admin.secretDone')}
        </button>
        <span role="status" className="small muted">
          {copied === 'yes' ? t('admin.copied') : copied === 'no' ? t('admin.copyFailed') : ''}
        </span>
      </div>
    </div>
  );
}
