import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientSearch } from '../api/search-clients.ts';

const label = (c: { name: string; taxId: string | null }) => (c.taxId ? `${c.name} · ${c.taxId}` : c.name);

/**
 * The client of a call: type a name or a tax id and pick a known client (its id is sent), or leave a
 * new name as typed (the server matches it to a known client when it can).
 */
export function ClientPicker() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const search = useClientSearch(text);
  const listId = useId();
  const picked = search.data?.items.find((c) => label(c) === text);
  return (
    <label>
      {t('upload.client')}
      <input
        name={picked ? 'clientLabel' : 'clientName'}
        maxLength={300}
        autoComplete="off"
        list={listId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('upload.clientHint')}
      />
      <datalist id={listId}>
        {search.data?.items.map((c) => (
          <option key={c.id} value={label(c)} />
        ))}
      </datalist>
      {picked ? <input type="hidden" name="clientId" value={picked.id} /> : null}
    </label>
  );
}
