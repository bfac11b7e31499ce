import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../components/error-message.tsx';
import { RepCard } from '../../features/credit-policy/components/rep-card.tsx';
import { useCard } from '../../features/credit-policy/api/get-card.ts';
import '../../features/credit-policy/components/credit-policy.css';

/** The rep's printable card (lazy route /card): one page per segment, in Russian or English. */
export function Component() {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<'ru' | 'en'>(i18n.language === 'en' ? 'en' : 'ru');
  const card = useCard(lang);
  return (
    <div className="page card-page">
      <div className="row no-print">
        <label className="inline">
          {t('policy.card.language')}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as 'ru' | 'en')}>
            <option value="ru">Русский</option>
            <option value="en">English</option>
          </select>
        </label>
        <button type="button" onClick={() => window.print()}>
          {t('policy.card.print')}
        </button>
      </div>
      <QueryStatus query={card} />
      {card.data ? <RepCard card={card.data} /> : null}
    </div>
  );
}
