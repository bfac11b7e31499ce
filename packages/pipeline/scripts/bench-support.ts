import { insertTeam, insertUser } from '@onterms/db';

/** The benches' rep, bench@example.com, in a team of its own ("Bench"): every bench call is theirs. */
export async function insertBenchRep(db: Parameters<typeof insertTeam>[0]) {
  const team = await insertTeam(db, 'Bench');
  return insertUser(db, { email: 'bench@example.com', name: 'Bench', role: 'rep', teamId: team.id });
}
