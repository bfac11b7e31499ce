import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@onterms/contracts';
import { formatDateTime } from '../../../lib/format.ts';

type Names = AuditEntry['names'];

/** A value in an audit entry in words: an id as the name behind it, a role in the reader's language. */
function useWords(names: Names) {
  const { t, i18n } = useTranslation();
  const word = (value: unknown, field?: string): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.length ? value.map((v) => word(v, field)).join(', ') : '—';
    if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
    if (typeof value === 'string') {
      const named = names[value];
      if (named?.kind === 'call') {
        const when = named.at ? formatDateTime(named.at, i18n.language) : '';
        return t('audit.callOf', { client: named.name || t('list.noClient'), when });
      }
      if (named) return named.name;
      if (field === 'role') return t(`role.${value}`, { defaultValue: value });
      return value;
    }
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
  return { t, word };
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  typeof v === 'object' && v !== null && 'from' in v && 'to' in v;

/** Where an entry was made (the command line and its OS user) is shown as its actor, not as a change. */
function withoutOrigin(details: AuditEntry['details']): AuditEntry['details'] {
  if (!details) return null;
  const { via: _via, osUser: _osUser, ...change } = details;
  return Object.keys(change).length ? change : null;
}

/**
 * What an audit entry changed, as «field: before → after» lines in the reader's language, with people,
 * teams and calls by name. Flag corrections read «Санкции: ✗ (машина) → ✓ (исправление)» and the reason.
 */
export function AuditChange({ entry }: { entry: Pick<AuditEntry, 'action' | 'details' | 'names'> }) {
  const { t, word } = useWords(entry.names);
  const details = withoutOrigin(entry.details);
  if (!details) return <span className="muted">—</span>;
  const lines: string[] = [];
  const label = (field: string) => t(`audit.field.${field}`, { defaultValue: field });

  if (entry.action === 'call.flag_changed') {
    const flag = String(details.flag ?? '');
    const verdict = (v: unknown) => {
      if (!v || typeof v !== 'object') return '—';
      const { stated, source } = v as { stated?: boolean; source?: string };
      const mark = stated ? `✓ ${t('checklist.stated')}` : `✗ ${t('checklist.notStated')}`;
      return source ? `${mark} (${t(`audit.source.${source}`, { defaultValue: source })})` : mark;
    };
    const flagName =
      flag === 'deflection' ? t('checklist.deflection') : t(`flags.${flag}`, { defaultValue: flag });
    lines.push(`${flagName}: ${verdict(details.before)} → ${verdict(details.after)}`);
    if (details.reason) lines.push(`${label('reason')}: ${word(details.reason)}`);
  } else if (entry.action === 'user.role_changed' && isChange(details)) {
    lines.push(`${label('role')}: ${word(details.from, 'role')} → ${word(details.to, 'role')}`);
  } else if (entry.action === 'team.renamed' && isChange(details)) {
    lines.push(`${label('name')}: ${word(details.from)} → ${word(details.to)}`);
  } else {
    for (const [field, value] of Object.entries(details)) {
      lines.push(
        isChange(value)
          ? `${label(field)}: ${word(value.from, field)} → ${word(value.to, field)}`
          : `${label(field)}: ${word(value, field)}`,
      );
    }
  }
  return (
    <ul className="audit-change">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

/** The object of an entry by name: «пользователь Павел Смирнов», «звонок ООО «СтройМаркет», 14 сент.». */
export function AuditObject({ entry }: { entry: Pick<AuditEntry, 'objectType' | 'objectId' | 'names'> }) {
  const { t, word } = useWords(entry.names);
  if (!entry.objectType) return <span className="muted">—</span>;
  const kind = t(`admin.objectType.${entry.objectType}`, { defaultValue: entry.objectType });
  const named = entry.objectId ? entry.names[entry.objectId] : undefined;
  if (!entry.objectId) return <>{kind}</>;
  const text = named ? word(entry.objectId) : t('audit.gone');
  return <span title={entry.objectId}>{named?.kind === 'call' ? text : `${kind} ${text}`}</span>;
}
