import { useState } from 'react';
import type { CallType } from '@onterms/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useChecklists, usePublishChecklist, useValidateChecklist } from '../api/checklists.ts';
import { JsonEditor } from './json-editor.tsx';

/** A starting point: the company's own item added to the default checklist, wording per language. */
const TEMPLATE = (callType: CallType) => ({
  id: 'company',
  version: '1',
  extends: callType,
  items: [
    {
      id: 'reconciliation',
      title: 'Акт сверки',
      cues: { ru: ['акт* сверк*'], en: ['reconciliation statement'] },
    },
  ],
});

/**
 * The company's checklists on the policy page: its own items and wording per language as JSON (the
 * checklist format of packages/analysis), checked and published as numbered versions.
 */
export function CompanyChecklists({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [callType, setCallType] = useState<CallType>('credit_negotiation');
  const checklists = useChecklists();
  const current = checklists.data?.items.find((v) => v.callType === callType) ?? null;
  const [text, setText] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const validate = useValidateChecklist();
  const publish = usePublishChecklist();
  const shown = text ?? JSON.stringify(current?.document ?? TEMPLATE(callType), null, 2);
  const parsed = (): unknown => {
    try {
      setJsonError(null);
      return JSON.parse(shown);
    } catch (e) {
      setJsonError(t('policy.badJson', { detail: (e as Error).message }));
      return undefined;
    }
  };
  return (
    <section className="panel" aria-labelledby="company-checklists">
      <h2 id="company-checklists">{t('policy.checklists.title')}</h2>
      <p className="small muted">{t('policy.checklists.hint')}</p>
      <label className="inline">
        {t('policy.checklists.callType')}{' '}
        <select
          value={callType}
          onChange={(e) => {
            setCallType(e.target.value as CallType);
            setText(null);
          }}
        >
          <option value="credit_negotiation">{t('callType.credit_negotiation')}</option>
          <option value="collection">{t('callType.collection')}</option>
        </select>
      </label>
      <p className="small">
        {current
          ? t('policy.checklists.current', {
              version: current.version,
              date: formatDateTime(current.publishedAt, i18n.language),
              who: current.publishedBy?.name ?? '—',
            })
          : t('policy.checklists.none')}
      </p>
      <JsonEditor
        label={t('policy.checklists.json')}
        rows={10}
        value={shown}
        readOnly={!canEdit}
        onChange={setText}
        error={jsonError}
      />
      {canEdit ? (
        <div className="row">
          <button
            type="button"
            onClick={() => {
              const doc = parsed();
              if (doc !== undefined) validate.mutate(doc);
            }}
          >
            {t('policy.validate')}
          </button>
          <button
            type="button"
            onClick={() => {
              const doc = parsed();
              if (doc !== undefined)
                publish.mutate(
                  { callType, document: doc, baseVersion: current?.version ?? null },
                  { onSuccess: () => setText(null) },
                );
            }}
          >
            {t('policy.checklists.publish')}
          </button>
        </div>
      ) : null}
      {validate.isSuccess ? (
        <p role="status">{t('policy.checklists.valid', { items: validate.data.items.join(', ') })}</p>
      ) : null}
      {validate.isError ? <ErrorMessage error={validate.error} /> : null}
      {publish.isError ? <ErrorMessage error={publish.error} /> : null}
      {publish.isSuccess ? (
        <p role="status">{t('policy.checklists.published', { version: publish.data.version })}</p>
      ) : null}
    </section>
  );
}
