import type { CreditPolicy, PolicySegment } from '@onterms/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { usePublishPolicy } from '../api/publish-policy.ts';
import { useValidatePolicy } from '../api/validate-policy.ts';
import { downloadBlob, jsonBlob } from '../../../lib/download.ts';
import { SegmentForm } from './segment-form.tsx';
import { JsonEditor } from './json-editor.tsx';
import { DraftActions } from './draft-actions.tsx';

const EMPTY: CreditPolicy = {
  id: 'credit-rules',
  version: 1,
  defaultSegment: 'regular',
  segments: [
    {
      id: 'regular',
      name: 'Постоянные клиенты',
      maxDeferralDays: 30,
      requiredSanctions: ['penalty', 'suspension'],
    },
  ],
};

/**
 * The draft of the next version: segments in a form, the same draft as JSON (import and export), check
 * and publish. Publishing sends the version the draft started from, so two editors never overwrite
 * each other (the second gets a 409 and reloads).
 */
export function PolicyEditor({ current }: { current: CreditPolicy | null }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CreditPolicy>(() => structuredClone(current ?? EMPTY));
  const [jsonText, setJsonText] = useState(() => JSON.stringify(current ?? EMPTY, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [formKey, setFormKey] = useState(0);
  const validate = useValidatePolicy();
  const publish = usePublishPolicy();

  const update = (next: CreditPolicy) => {
    setDraft(next);
    setJsonText(JSON.stringify(next, null, 2));
    validate.reset();
  };
  const setSegment = (i: number, s: PolicySegment) =>
    update({ ...draft, segments: draft.segments.map((x, j) => (j === i ? s : x)) });

  const importJson = () => {
    try {
      const parsed = JSON.parse(jsonText) as CreditPolicy;
      setJsonError(null);
      setDraft(parsed);
      setFormKey((k) => k + 1);
      validate.reset();
    } catch (e) {
      setJsonError(t('policy.badJson', { detail: (e as Error).message }));
    }
  };
  const exportJson = () => downloadBlob(jsonBlob(draft), `${draft.id || 'credit-policy'}.json`);

  return (
    <section className="panel policy-editor" aria-labelledby="policy-segments">
      <h2 id="policy-segments">{t('policy.segments')}</h2>
      <label className="inline">
        {t('policy.defaultSegment')}{' '}
        <select
          value={draft.defaultSegment}
          onChange={(e) => update({ ...draft, defaultSegment: e.target.value })}
        >
          {draft.segments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name || s.id}
            </option>
          ))}
        </select>
      </label>
      <div key={formKey}>
        {draft.segments.map((s, i) => (
          <SegmentForm
            key={i}
            index={i}
            segment={s}
            onChange={(next) => setSegment(i, next)}
            onRemove={() => update({ ...draft, segments: draft.segments.filter((_, j) => j !== i) })}
          />
        ))}
      </div>
      <button
        type="button"
        onClick={() =>
          update({
            ...draft,
            segments: [...draft.segments, { id: `segment-${draft.segments.length + 1}`, name: '' }],
          })
        }
      >
        {t('policy.addSegment')}
      </button>

      <h3>{t('policy.json')}</h3>
      <p className="small muted">{t('policy.jsonHint')}</p>
      <JsonEditor
        label={t('policy.json')}
        rows={12}
        value={jsonText}
        onChange={setJsonText}
        error={jsonError}
      />
      <div className="row">
        <button type="button" onClick={importJson}>
          {t('policy.importJson')}
        </button>
        <button type="button" onClick={exportJson}>
          {t('policy.exportJson')}
        </button>
      </div>

      <label className="block">
        {t('policy.note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      <DraftActions
        validate={validate}
        publish={publish}
        onValidate={() => validate.mutate(draft)}
        onPublish={() =>
          publish.mutate({ document: draft, baseVersion: current?.version ?? null, ...(note && { note }) })
        }
        publishLabel={t('policy.publish')}
      />
      {validate.isSuccess ? <p role="status">{t('policy.valid')}</p> : null}
      {validate.isError ? <ErrorMessage error={validate.error} /> : null}
      {publish.isError ? <ErrorMessage error={publish.error} /> : null}
      {publish.isSuccess ? (
        <p role="status">{t('policy.published', { version: publish.data.version.version })}</p>
      ) : null}
    </section>
  );
}
