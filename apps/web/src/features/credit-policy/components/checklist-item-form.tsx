import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { advancedCues, phrasesOf, withPhrases, type DraftItem } from './checklist-draft.ts';

interface Props {
  item: DraftItem;
  index: number;
  count: number;
  canEdit: boolean;
  onChange: (item: DraftItem) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
  /** The server's error for a field of this item, shown beside it (null: none). */
  errorFor: (field: 'id' | 'title' | 'ru' | 'en' | null) => ReactNode;
}

/** One company checklist item as a form: its code, its name, and how it is said in each language. */
export function ChecklistItemForm({
  item,
  index,
  count,
  canEdit,
  onChange,
  onRemove,
  onMove,
  errorFor,
}: Props) {
  const { t } = useTranslation();
  const id = (name: string) => `checklist-item-${index}-${name}`;
  const label = item.title || item.id;
  return (
    <fieldset className="checklist-item" aria-label={t('policy.checklists.item', { name: label })}>
      <legend>{label || '—'}</legend>
      {item.merge ? <p className="small muted">{t('policy.checklists.merges', { id: item.id })}</p> : null}
      {item.remove ? <p className="small muted">{t('policy.checklists.removes', { id: item.id })}</p> : null}
      <div className="form-grid">
        <label htmlFor={id('id')}>{t('policy.checklists.itemId')}</label>
        <div>
          <input
            id={id('id')}
            value={item.id}
            readOnly={!canEdit}
            onChange={(e) => onChange({ ...item, id: e.target.value.trim() })}
          />
          {errorFor('id')}
        </div>
        <label htmlFor={id('title')}>{t('policy.checklists.itemTitle')}</label>
        <div>
          <input
            id={id('title')}
            value={item.title ?? ''}
            readOnly={!canEdit}
            onChange={(e) => onChange({ ...item, title: e.target.value })}
          />
          {errorFor('title')}
        </div>
        {(['ru', 'en'] as const).map((lang) => (
          <WordingField
            key={lang}
            id={id(lang)}
            label={t(`policy.checklists.wording.${lang}`)}
            value={phrasesOf(item, lang)}
            advanced={advancedCues(item, lang)}
            readOnly={!canEdit}
            onChange={(text) => onChange(withPhrases(item, lang, text))}
            error={errorFor(lang)}
          />
        ))}
      </div>
      {errorFor(null)}
      {canEdit ? (
        <div className="row">
          <button type="button" onClick={() => onMove(-1)} disabled={index === 0}>
            {t('policy.checklists.moveUp')}
          </button>
          <button type="button" onClick={() => onMove(1)} disabled={index === count - 1}>
            {t('policy.checklists.moveDown')}
          </button>
          <button type="button" onClick={onRemove}>
            {t('policy.checklists.removeItem')}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}

function WordingField(props: {
  id: string;
  label: string;
  value: string;
  advanced: number;
  readOnly: boolean;
  onChange: (text: string) => void;
  error: ReactNode;
}) {
  const { t } = useTranslation();
  // the text as typed (blank lines too, while typing); the draft gets the phrases
  const [text, setText] = useState(props.value);
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <div>
        <textarea
          id={props.id}
          rows={2}
          value={text}
          readOnly={props.readOnly}
          onChange={(e) => {
            setText(e.target.value);
            props.onChange(e.target.value);
          }}
        />
        {props.advanced ? (
          <p className="small muted">{t('policy.checklists.advancedKept', { count: props.advanced })}</p>
        ) : null}
        {props.error}
      </div>
    </>
  );
}
