import { describe, expect, it } from 'vitest';
import { ensureClient, setClientSegment } from '@onterms/db';
import { useTestDatabase } from '@onterms/db/testing';
import { creditPolicyLookup } from './credit-policy-lookup.ts';
import { publishCreditPolicy } from './publish-credit-policy.ts';
import { examplePolicy, insertPerson } from './testing/policy-fixtures.ts';

const database = useTestDatabase();

describe('receivables read the published credit policy', () => {
  it('gives no segments and no limits before a policy is published, then each client’s own or the default', async () => {
    const sut = creditPolicyLookup(database.db);
    const regular = (await ensureClient(database.db, 'ООО «Ромашка»')).id;
    const fresh = (await ensureClient(database.db, 'ООО «Новичок»')).id;
    expect(await sut.segments([regular, fresh])).toEqual(new Map());
    expect(await sut.creditLimits([regular, fresh])).toEqual(new Map());
    expect(await sut.followUpDays()).toBeNull();

    const director = (await insertPerson(database.db, 'director')).id;
    await publishCreditPolicy(
      {
        db: database.db,
        enqueueRecheck: async () => {},
        actor: { userId: director, tokenId: null, ip: '127.0.0.1' },
      },
      { document: examplePolicy(30), baseVersion: null },
    );
    await setClientSegment(database.db, fresh, 'new');

    expect(await sut.segments([regular, fresh])).toEqual(
      new Map([
        [regular, 'regular'],
        [fresh, 'new'],
      ]),
    );
    // «Постоянные» carry a 2 000 000 RUB limit; «Новые» have none.
    expect(await sut.creditLimits([regular, fresh])).toEqual(
      new Map([[regular, { amount: 2_000_000, currency: 'RUB' }]]),
    );
    // Neither segment sets days without a call: FOLLOW_UP_DAYS decides for both.
    expect(await sut.followUpDays()).toEqual({
      segments: [
        { segment: 'regular', days: null },
        { segment: 'new', days: null },
      ],
      defaultSegment: 'regular',
    });
  });
});
