import type { ReceivablesImportRefusal, ReceivablesImportResult } from '@onterms/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useImportReceivables, type ImportOutcome } from '../api/import-receivables.ts';

/**
 * Importing a receivables report: check first (nothing stored: the counts and the new clients to
 * confirm), then import. A layout whose headers are not recognised gets a mapping step, remembered.
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const run = useImportReceivables();
  const [file, setFile] = useState<File | null>(null);
  const [asOf, setAsOf] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<ImportOutcome | null>(null);
  const [done, setDone] = useState<ReceivablesImportResult | null>(null);

  const send = (dryRun: boolean) => {
    if (!file) return;
    const mapped = Object.keys(mapping).length ? mapping : undefined;
    run.mutate(
      { file, dryRun, ...(asOf && { asOf }), ...(mapped && { mapping: mapped, saveMapping: true }) },
      {
        onSuccess: (outcome) => {
          if (dryRun || !outcome.ok) setChecked(outcome);
          if (!dryRun && outcome.ok) setDone(outcome.result);
        },
      },
    );
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    send(true);
  };

  return (
    <div className="page">
      <h1>{t('import.title')}</h1>
      <p className="muted">{t('import.hint')}</p>
      <form onSubmit={check} className="stack">
        <label>
          {t('import.file')}
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setChecked(null);
              setDone(null);
              setMapping({});
            }}
            required
          />
        </label>
        <label>
          {t('import.asOf')} <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        <button type="submit" disabled={!file || run.isPending}>
          {t('import.check')}
        </button>
      </form>
      {checked && !checked.ok ? (
        <Refusal
          refusal={checked.refusal}
          mapping={mapping}
          setMapping={setMapping}
          onRetry={() => send(true)}
        />
      ) : null}
      {checked?.ok && !done ? (
        <section aria-label={t('import.preview')}>
          <Counts result={checked.result} />
          {checked.result.newClients.length ? (
            <>
              <p>{t('import.newClients', { count: checked.result.newClients.length })}</p>
              <ul className="small">
                {checked.result.newClients.slice(0, 50).map((c) => (
                  <li key={c.line}>
                    {c.name}
                    {c.taxId ? ` · ${c.taxId}` : ''} ({t('import.line', { line: c.line })})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {checked.result.unknownReps.length ? (
            <p className="muted">
              {t('import.unknownReps', { names: checked.result.unknownReps.join(', ') })}
            </p>
          ) : null}
          <button type="button" onClick={() => send(false)} disabled={run.isPending}>
            {t('import.confirm')}
          </button>
        </section>
      ) : null}
      {done ? (
        <section aria-label={t('import.done')} role="status">
          <h2>{t('import.done')}</h2>
          <Counts result={done} />
          <p>
            <Link to="/follow-ups">{t('import.toFollowUps')}</Link> ·{' '}
            <Link to="/dashboard">{t('import.toDashboard')}</Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}

function Counts({ result }: { result: ReceivablesImportResult }) {
  const { t } = useTranslation();
  return (
    <p data-testid="import-counts">
      {t('import.counts', {
        imported: result.imported,
        updated: result.updated,
        unchanged: result.unchanged,
        asOf: result.asOf,
      })}
    </p>
  );
}

function Refusal(props: {
  refusal: ReceivablesImportRefusal;
  mapping: Record<string, string>;
  setMapping: (m: Record<string, string>) => void;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const { refusal, mapping, setMapping } = props;
  return (
    <section role="alert">
      <p>{t(`import.refused.${refusal.error}`, { defaultValue: refusal.message })}</p>
      <ul className="small">
        {(refusal.errors ?? []).slice(0, 50).map((e, i) => (
          <li key={i}>{e.message}</li>
        ))}
      </ul>
      {refusal.headers ? (
        <fieldset>
          <legend>{t('import.mapTitle')}</legend>
          {/* The fields a column can be mapped to come with the refusal (the server's list). */}
          {(refusal.fields ?? []).map((field) => (
            <label key={field}>
              {t(`import.field.${field}`)}{' '}
              <select
                value={mapping[field] ?? ''}
                onChange={(e) => {
                  const next = { ...mapping };
                  if (e.target.value) next[field] = e.target.value;
                  else delete next[field];
                  setMapping(next);
                }}
              >
                <option value="">—</option>
                {refusal.headers!.filter(Boolean).map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="button" onClick={props.onRetry}>
            {t('import.checkMapped')}
          </button>
        </fieldset>
      ) : null}
    </section>
  );
}
