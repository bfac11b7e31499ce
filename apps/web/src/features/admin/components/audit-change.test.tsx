// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../lib/i18n.ts';
import { AuditChange, AuditObject } from './audit-change.tsx';

const PAVEL = '11111111-1111-4111-8111-111111111111';
const NORTH = '22222222-2222-4222-8222-222222222222';
const SOUTH = '33333333-3333-4333-8333-333333333333';
const CALL = '44444444-4444-4444-8444-444444444444';
const names = {
  [PAVEL]: { kind: 'user' as const, name: 'Павел Смирнов' },
  [NORTH]: { kind: 'team' as const, name: 'Север' },
  [SOUTH]: { kind: 'team' as const, name: 'Юг' },
  [CALL]: { kind: 'call' as const, name: 'ООО «СтройМаркет»', at: '2026-09-14T09:30:00Z' },
};

afterEach(cleanup);

describe('an audit entry in words', () => {
  it('names the teams of a move and translates a role change, in Russian', () => {
    void initI18n().changeLanguage('ru');
    render(
      <>
        <AuditChange
          entry={{ action: 'user.updated', details: { teamId: { from: NORTH, to: SOUTH } }, names }}
        />
        <AuditChange
          entry={{ action: 'user.role_changed', details: { from: 'rep', to: 'manager' }, names }}
        />
        <AuditObject entry={{ objectType: 'user', objectId: PAVEL, names }} />
      </>,
    );
    expect(screen.getByText('команда: Север → Юг')).toBeTruthy();
    expect(screen.getByText('роль: менеджер по продажам → руководитель')).toBeTruthy();
    expect(screen.getByText('пользователь Павел Смирнов')).toBeTruthy();
    expect(document.body.textContent).not.toContain(NORTH);
  });

  it('reads a flag correction as before → after with its reason, and a call by its client, in English', () => {
    void initI18n().changeLanguage('en');
    render(
      <>
        <AuditChange
          entry={{
            action: 'call.flag_changed',
            details: {
              flag: 'sanctions',
              before: { stated: false, source: 'machine' },
              after: { stated: true, source: 'correction', segments: [4] },
              reason: 'Penalty named at 0:18',
            },
            names,
          }}
        />
        <AuditObject entry={{ objectType: 'call', objectId: CALL, names }} />
      </>,
    );
    expect(screen.getByText('Sanctions: ✗ not stated (machine) → ✓ stated (correction)')).toBeTruthy();
    expect(screen.getByText('reason: Penalty named at 0:18')).toBeTruthy();
    expect(document.body.textContent).toMatch(/call with ООО «СтройМаркет», .*2026/);
  });
});
