import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { AUDIT_PAGE_SIZE, useAudit } from '../api/get-audit.ts';
import { useUsers } from '../api/get-users.ts';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS } from '../admin-types.ts';
import { useAuditFilters } from '../hooks/use-audit-filters.ts';
import { AdminSection, AdminTable } from './admin-section.tsx';
import { AuditChange, AuditObject } from './audit-change.tsx';
import { DayRangeFilter } from '../../../components/filter-controls.tsx';

/** `user.role_changed` → `admin.actionName.user_role_changed` (i18next would read the dot as nesting). */
const actionKey = (action: string) => `admin.actionName.${action.replace(/\./g, '_')}`;

export function AuditSection() {
  const { t, i18n } = useTranslation();
  const { filters, query, change, clear } = useAuditFilters();
  const audit = useAudit(query);
  const users = useUsers();
  const actionName = (action: string) => t(actionKey(action), { defaultValue: action });
  const any = Boolean(filters.action || filters.actor || filters.from || filters.to);
  return (
    <AdminSection title={t('admin.audit')} query={audit}>
      {(page) => {
        const pages = Math.max(1, Math.ceil(page.total / AUDIT_PAGE_SIZE));
        const current = query.page ?? 1;
        return (
          <>
            <div className="row wrap filters" role="group" aria-label={t('admin.auditFilters')}>
              <label>
                {t('admin.action')}
                <select value={filters.action ?? ''} onChange={(e) => change({ action: e.target.value })}>
                  <option value="">{t('admin.anyAction')}</option>
                  <optgroup label={t('admin.actionGroups')}>
                    {AUDIT_ACTION_GROUPS.map((group) => (
                      <option key={group} value={group}>
                        {t(`admin.actionGroup.${group.slice(0, -1)}`)}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={t('admin.actionsExact')}>
                    {AUDIT_ACTIONS.map((action) => (
                      <option key={action} value={action}>
                        {actionName(action)}
                      </option>
                    ))}
                  </optgroup>
                </select>
              </label>
              <label>
                {t('admin.who')}
                <select value={filters.actor ?? ''} onChange={(e) => change({ actor: e.target.value })}>
                  <option value="">{t('admin.anyone')}</option>
                  {users.data?.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name ? `${u.name} (${u.email})` : u.email}
                    </option>
                  ))}
                </select>
              </label>
              <DayRangeFilter
                from={filters.from ?? ''}
                to={filters.to ?? ''}
                onChange={(key, day) => change({ [key]: day })}
                labels={{ from: t('admin.from'), to: t('admin.to') }}
              />
              {any ? (
                <button type="button" onClick={clear}>
                  {t('admin.clearFilters')}
                </button>
              ) : null}
            </div>
            <p className="small muted" role="status">
              {t('admin.entries', { count: page.total, formatted: formatNumber(page.total, i18n.language) })}
            </p>
            {page.items.length === 0 ? (
              <p className="empty">{t('admin.noEntries')}</p>
            ) : (
              <AdminTable
                caption={t('admin.audit')}
                columns={[
                  t('admin.when'),
                  t('admin.who'),
                  t('admin.action'),
                  t('admin.object'),
                  t('audit.change'),
                ]}
              >
                {page.items.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">
                      <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>
                    </td>
                    <td>
                      {e.actorTokenId && e.actorTokenName ? (
                        t('admin.byToken', { name: e.actorTokenName })
                      ) : e.details?.via === 'command_line' ? (
                        // the domain's commandLineAudit: no user acted, someone on the server's shell did
                        t('admin.byCommandLine', { user: String(e.details.osUser ?? '?') })
                      ) : (
                        <span title={e.actorEmail ?? undefined}>{e.actorName ?? e.actorEmail ?? '—'}</span>
                      )}
                    </td>
                    <td>{actionName(e.action)}</td>
                    <td>
                      <AuditObject entry={e} />
                    </td>
                    <td>
                      <AuditChange entry={e} />
                    </td>
                  </tr>
                ))}
              </AdminTable>
            )}
            {pages > 1 ? (
              <nav className="row pager" aria-label={t('admin.pages')}>
                <button type="button" disabled={current <= 1} onClick={() => change({ page: current - 1 })}>
                  {t('admin.prevPage')}
                </button>
                <span>{t('admin.pageOf', { page: current, pages })}</span>
                <button
                  type="button"
                  disabled={current >= pages}
                  onClick={() => change({ page: current + 1 })}
                >
                  {t('admin.nextPage')}
                </button>
              </nav>
            ) : null}
          </>
        );
      }}
    </AdminSection>
  );
}
