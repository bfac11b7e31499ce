import type { PaymentForm, PolicySegment, SanctionKind } from '@onterms/contracts';
import { useTranslation } from 'react-i18next';
import { everyOf } from '../../../lib/every-of.ts';

const FORMS = everyOf<PaymentForm>({
  prepayment: true,
  deferral: true,
  on_delivery: true,
  instalments: true,
});
const SANCTIONS = everyOf<SanctionKind>({
  penalty: true,
  suspension: true,
  prepayment: true,
  credit_hold: true,
  legal: true,
  collection: true,
});
const PERIODS = ['day', 'week', 'month', 'year', 'once'] as const;

const num = (v: string): number | undefined => (v.trim() === '' ? undefined : Number(v.replace(',', '.')));

/** Sets or drops an optional field: the policy document has no nulls, only fields said or absent. */
function withField<K extends keyof PolicySegment>(
  s: PolicySegment,
  key: K,
  value: PolicySegment[K] | undefined,
): PolicySegment {
  const next = { ...s };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

function escalationText(s: PolicySegment): string {
  return (s.escalation ?? []).map((e) => `${e.afterDaysLate}; ${e.action}; ${e.owner}`).join('\n');
}
function parseEscalation(text: string): PolicySegment['escalation'] {
  const steps = text
    .split('\n')
    .map((l) => l.split(';').map((p) => p.trim()))
    .filter((p) => p.some(Boolean))
    .map(([days = '', action = '', owner = '']) => ({ afterDaysLate: Number(days), action, owner }));
  return steps.length ? steps : undefined;
}

/** One client segment of the policy as a form; every change goes straight into the draft document. */
export function SegmentForm({
  segment: s,
  index,
  onChange,
  onRemove,
}: {
  segment: PolicySegment;
  index: number;
  onChange: (s: PolicySegment) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = (name: string) => `seg-${index}-${name}`;
  const forms = s.allowedPaymentForms ?? FORMS;
  const required = new Map(
    (s.requiredSanctions ?? []).map((r) => (typeof r === 'string' ? [r, undefined] : [r.kind, r.afterDays])),
  );
  const setRequired = (kind: SanctionKind, on: boolean, afterDays?: number) => {
    const next = new Map(required);
    if (on) next.set(kind, afterDays);
    else next.delete(kind);
    onChange(
      withField(
        s,
        'requiredSanctions',
        next.size
          ? [...next].map(([k, d]) => (d === undefined || Number.isNaN(d) ? k : { kind: k, afterDays: d }))
          : undefined,
      ),
    );
  };
  return (
    <fieldset className="segment-form" aria-label={`${t('policy.segmentName')}: ${s.name || s.id}`}>
      <legend>{s.name || s.id || '—'}</legend>
      <div className="form-grid">
        <label htmlFor={id('id')}>{t('policy.segmentId')}</label>
        <input id={id('id')} value={s.id} onChange={(e) => onChange({ ...s, id: e.target.value })} />
        <label htmlFor={id('name')}>{t('policy.segmentName')}</label>
        <input id={id('name')} value={s.name} onChange={(e) => onChange({ ...s, name: e.target.value })} />
        <label htmlFor={id('days')}>{t('policy.maxDeferralDays')}</label>
        <input
          id={id('days')}
          inputMode="numeric"
          value={s.maxDeferralDays ?? ''}
          onChange={(e) => onChange(withField(s, 'maxDeferralDays', num(e.target.value)))}
        />
        <label htmlFor={id('follow-up')}>{t('policy.followUpDays')}</label>
        <input
          id={id('follow-up')}
          inputMode="numeric"
          placeholder={t('policy.followUpDaysDefault')}
          value={s.followUpDays ?? ''}
          onChange={(e) => onChange(withField(s, 'followUpDays', num(e.target.value)))}
        />
        <label htmlFor={id('prepay')}>{t('policy.minPrepaymentPercent')}</label>
        <input
          id={id('prepay')}
          inputMode="decimal"
          value={s.minPrepaymentPercent ?? ''}
          onChange={(e) => onChange(withField(s, 'minPrepaymentPercent', num(e.target.value)))}
        />
        <label htmlFor={id('limit')}>{t('policy.creditLimit')}</label>
        <span className="row">
          <input
            id={id('limit')}
            inputMode="numeric"
            value={s.maxCreditLimit?.amount ?? ''}
            onChange={(e) => {
              const amount = num(e.target.value);
              onChange(
                withField(
                  s,
                  'maxCreditLimit',
                  amount === undefined
                    ? undefined
                    : { amount, currency: s.maxCreditLimit?.currency ?? 'RUB' },
                ),
              );
            }}
          />
          <input
            aria-label={t('policy.currency')}
            size={4}
            value={s.maxCreditLimit?.currency ?? 'RUB'}
            onChange={(e) =>
              s.maxCreditLimit &&
              onChange({
                ...s,
                maxCreditLimit: { ...s.maxCreditLimit, currency: e.target.value.toUpperCase() },
              })
            }
          />
        </span>
        <label htmlFor={id('penalty')}>{t('policy.penaltyRate')}</label>
        <span className="row">
          <input
            id={id('penalty')}
            inputMode="decimal"
            value={s.penalty?.ratePercent ?? ''}
            onChange={(e) => {
              const ratePercent = num(e.target.value);
              onChange(
                withField(
                  s,
                  'penalty',
                  ratePercent === undefined ? undefined : { ratePercent, per: s.penalty?.per ?? 'day' },
                ),
              );
            }}
          />
          <select
            aria-label={t('policy.penaltyPer')}
            value={s.penalty?.per ?? 'day'}
            onChange={(e) =>
              s.penalty &&
              onChange({ ...s, penalty: { ...s.penalty, per: e.target.value as (typeof PERIODS)[number] } })
            }
          >
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`policy.per.${p}`)}
              </option>
            ))}
          </select>
        </span>
      </div>
      <fieldset>
        <legend>{t('policy.forms')}</legend>
        {FORMS.map((f) => (
          <label key={f} className="inline">
            <input
              type="checkbox"
              checked={forms.includes(f)}
              onChange={(e) => {
                const next = e.target.checked ? [...forms, f] : forms.filter((x) => x !== f);
                onChange(
                  withField(
                    s,
                    'allowedPaymentForms',
                    next.length === FORMS.length ? undefined : FORMS.filter((x) => next.includes(x)),
                  ),
                );
              }}
            />{' '}
            {t(`policy.form.${f}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('policy.sanctionsRequired')}</legend>
        {SANCTIONS.map((k) => (
          <span key={k} className="inline sanction-choice">
            <label>
              <input
                type="checkbox"
                checked={required.has(k)}
                onChange={(e) => setRequired(k, e.target.checked)}
              />{' '}
              {t(`policy.sanction.${k}`)}
            </label>
            {required.has(k) && (k === 'suspension' || k === 'legal') ? (
              <input
                aria-label={`${t(`policy.sanction.${k}`)}: ${t('policy.afterDays')}`}
                placeholder={t('policy.afterDays')}
                size={6}
                value={required.get(k) ?? ''}
                onChange={(e) => setRequired(k, true, num(e.target.value))}
              />
            ) : null}
          </span>
        ))}
      </fieldset>
      <label htmlFor={id('escalation')}>{t('policy.escalation')}</label>
      <textarea
        id={id('escalation')}
        rows={3}
        placeholder={t('policy.escalationHint')}
        defaultValue={escalationText(s)}
        onBlur={(e) => onChange(withField(s, 'escalation', parseEscalation(e.target.value)))}
      />
      <button type="button" className="link-button" onClick={onRemove}>
        {t('policy.removeSegment')}
      </button>
    </fieldset>
  );
}
