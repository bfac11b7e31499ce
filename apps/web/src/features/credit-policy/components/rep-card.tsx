import type { CardResponse } from '@onterms/contracts';
import { useTranslation } from 'react-i18next';
import { describeValue } from './finding-values.ts';

/**
 * One printed page per segment, in the card's own language (a Russian-speaking manager may print the
 * English card for an English-speaking client team): the terms, what to say, what never to say, the
 * escalation ladder.
 */
export function RepCard({ card }: { card: CardResponse }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(card.language);
  if (!card.policy) return <p>{t('policy.card.none')}</p>;
  return (
    <div lang={card.language}>
      {card.segments.map((s) => (
        <article key={s.id} className="rep-card" aria-labelledby={`card-${s.id}`}>
          <h1 id={`card-${s.id}`}>
            {t('policy.card.title')}: {s.name}
            {s.isDefault ? ` (${t('policy.card.default')})` : ''}
          </h1>
          <p className="small muted">
            {t('policy.card.version', { id: card.policy!.id, version: card.policy!.version })}
          </p>
          <h2>{t('policy.card.terms')}</h2>
          <ul>
            <li>
              {t('policy.forms')}: {s.paymentForms.map((f) => t(`policy.form.${f}`)).join(', ')}
            </li>
            {s.maxDeferralDays !== null ? (
              <li>
                {t('policy.maxDeferralDays')}: {s.maxDeferralDays}
              </li>
            ) : null}
            {s.minPrepaymentPercent ? (
              <li>
                {t('policy.minPrepaymentPercent')}: {s.minPrepaymentPercent}
              </li>
            ) : null}
            {s.maxCreditLimit ? (
              <li>
                {t('policy.creditLimit')}:{' '}
                {describeValue('credit_limit_over', s.maxCreditLimit, t, card.language)}
              </li>
            ) : null}
            {s.sanctions.length ? (
              <li>
                {t('policy.card.sanctions')}:{' '}
                {s.sanctions
                  .map((x) =>
                    describeValue(
                      '',
                      x.afterDays === null ? { kind: x.kind } : { kind: x.kind, afterDays: x.afterDays },
                      t,
                      card.language,
                    ),
                  )
                  .join(', ')}
              </li>
            ) : null}
          </ul>
          <h2>{t('policy.card.say')}</h2>
          <ol className="say">
            {s.say.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
          {s.never.length ? (
            <>
              <h2>{t('policy.card.never')}</h2>
              <ul className="never">
                {s.never.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : null}
          {s.escalation.length ? (
            <>
              <h2>{t('policy.card.escalation')}</h2>
              <ol>
                {s.escalation.map((e) => (
                  <li key={e.afterDaysLate}>
                    {t('policy.card.daysLate', { count: e.afterDaysLate })}: {e.action} — {e.owner}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </article>
      ))}
    </div>
  );
}
