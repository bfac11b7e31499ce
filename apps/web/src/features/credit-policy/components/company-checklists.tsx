import { useState, type ReactNode } from 'react';
import type { CallType, ChecklistRecheckView } from '@onterms/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useChecklists, usePublishChecklist, useValidateChecklist } from '../api/checklists.ts';
import {
  emptyChecklist,
  moveItem,
  newItem,
  placeOf,
  type ChecklistDraft,
  type DraftItem,
} from './checklist-draft.ts';
import { ChecklistItemForm } from './checklist-item-form.tsx';
import { downloadBlob, jsonBlob } from '../../../lib/download.ts';
import { RecheckProgress } from './recheck-progress.tsx';
import { DraftActions } from './draft-actions.tsx';

/**
 * The company's checklists on the policy page, one call type at a time: its own items in a form (code,
 * name, how each is said in Russian and English; add, remove, reorder), the same draft as JSON
 * (import and export), checked and published as numbered versions. Publishing re-analyses the old
 * calls of the type; the run's progress shows here. A server error names the JSON path and is shown
 * beside the field it points at.
 */
export function CompanyChecklists({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [callType, setCallType] = useState<CallType>('credit_negotiation');
  const checklists = useChecklists();
  const current = checklists.data?.items.find((v) => v.callType === callType) ?? null;
  const recheck = checklists.data?.rechecks.find((r) => r.callType === callType) ?? null;
  if (checklists.isPending) return null;
  return (
    <section className="panel company-checklists" aria-labelledby="company-checklists">
      <h2 id="company-checklists">{t('policy.checklists.title')}</h2>
      <p className="small muted">{t('policy.checklists.hint')}</p>
      <label className="inline">
        {t('policy.checklists.callType')}{' '}
        <select value={callType} onChange={(e) => setCallType(e.target.value as CallType)}>
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
      {recheck ? <ChecklistRecheck recheck={recheck} /> : null}
      <ChecklistEditor
        key={`${callType}:${current?.version ?? 0}`}
        callType={callType}
        current={(current?.document as ChecklistDraft | undefined) ?? null}
        baseVersion={current?.version ?? null}
        canEdit={canEdit}
      />
    </section>
  );
}

function ChecklistRecheck({ recheck }: { recheck: ChecklistRecheckView }) {
  return (
    <RecheckProgress
      run={recheck}
      version={recheck.checklistVersion}
      messages={{
        running: 'policy.checklists.recheck',
        done: 'policy.checklists.recheckDone',
        superseded: 'policy.checklists.recheckSuperseded',
      }}
    />
  );
}

function ChecklistEditor(props: {
  callType: CallType;
  current: ChecklistDraft | null;
  baseVersion: number | null;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ChecklistDraft>(() =>
    structuredClone(props.current ?? emptyChecklist(props.callType)),
  );
  const [jsonText, setJsonText] = useState(() => JSON.stringify(draft, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const validate = useValidateChecklist();
  const publish = usePublishChecklist();
  const error = publish.error ?? validate.error;
  const place = error instanceof ApiError && error.status === 400 ? placeOf(error.field) : null;

  const update = (next: ChecklistDraft) => {
    setDraft(next);
    setJsonText(JSON.stringify(next, null, 2));
    validate.reset();
    publish.reset();
  };
  const setItems = (items: DraftItem[]) => update({ ...draft, items });
  const importJson = () => {
    try {
      const parsed = JSON.parse(jsonText) as ChecklistDraft;
      setJsonError(null);
      setDraft({ ...parsed, items: Array.isArray(parsed.items) ? parsed.items : [] });
      setFormKey((k) => k + 1);
      validate.reset();
      publish.reset();
    } catch (e) {
      setJsonError(t('policy.badJson', { detail: (e as Error).message }));
    }
  };
  /** The server's error beside the field its path names (or the item, when no field of the form). */
  const errorAt = (item: number) => (field: 'id' | 'title' | 'ru' | 'en' | null) =>
    place && place.item === item && place.field === field ? <FieldError error={error} /> : null;
  const placed = place !== null && place.item !== null && place.item < draft.items.length;

  return (
    <div className="checklist-editor">
      <h3>{t('policy.checklists.items')}</h3>
      <p className="small muted">{t('policy.checklists.itemsHint')}</p>
      <div key={formKey}>
        {draft.items.length === 0 ? <p className="muted">{t('policy.checklists.noItems')}</p> : null}
        {draft.items.map((item, i) => (
          <ChecklistItemForm
            key={`${i}:${item.id}`}
            item={item}
            index={i}
            count={draft.items.length}
            canEdit={props.canEdit}
            onChange={(next) => setItems(draft.items.map((x, j) => (j === i ? next : x)))}
            onRemove={() => setItems(draft.items.filter((_, j) => j !== i))}
            onMove={(by) => setItems(moveItem(draft.items, i, by))}
            errorFor={errorAt(i)}
          />
        ))}
      </div>
      {props.canEdit ? (
        <button type="button" onClick={() => setItems([...draft.items, newItem(draft.items)])}>
          {t('policy.checklists.addItem')}
        </button>
      ) : null}

      <h3>{t('policy.checklists.json')}</h3>
      {props.canEdit ? <p className="small muted">{t('policy.jsonHint')}</p> : null}
      <textarea
        aria-label={t('policy.checklists.json')}
        className="policy-json"
        rows={8}
        value={jsonText}
        readOnly={!props.canEdit}
        onChange={(e) => setJsonText(e.target.value)}
        spellCheck={false}
      />
      {jsonError ? (
        <p role="alert" className="error-box">
          {jsonError}
        </p>
      ) : null}
      <div className="row">
        {props.canEdit ? (
          <button type="button" onClick={importJson}>
            {t('policy.importJson')}
          </button>
        ) : null}
        <button
          type="button"
          onClick={() => downloadBlob(jsonBlob(draft), `${draft.id || 'checklist'}.json`)}
        >
          {t('policy.exportJson')}
        </button>
      </div>

      {props.canEdit ? (
        <DraftActions
          validate={validate}
          publish={publish}
          onValidate={() => validate.mutate(draft)}
          onPublish={() =>
            publish.mutate({ callType: props.callType, document: draft, baseVersion: props.baseVersion })
          }
          publishLabel={t('policy.checklists.publish')}
        />
      ) : null}
      {validate.isSuccess ? (
        <p role="status">{t('policy.checklists.valid', { items: validate.data.items.join(', ') })}</p>
      ) : null}
      {error && !placed ? place ? <FieldError error={error} /> : <ErrorMessage error={error} /> : null}
      {publish.isSuccess ? (
        <p role="status">{t('policy.checklists.published', { version: publish.data.version.version })}</p>
      ) : null}
    </div>
  );
}

/** A validation error beside its field: the JSON path, what to do, and the server's words for English readers. */
function FieldError({ error }: { error: unknown }): ReactNode {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return null;
  return (
    <p role="alert" className="error-box field-error">
      {t('policy.checklists.fieldError', { path: error.field ?? '/' })}
      {t('errors.showDetails') === 'yes' && error.message ? (
        <span className="small muted"> {error.message}</span>
      ) : null}
    </p>
  );
}
