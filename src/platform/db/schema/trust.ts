import type { Generated } from 'kysely';

/** Tables of the trust migration (20261201T0910). */
export interface SignInCounterTable {
  key: string;
  window_started_at: Generated<Date>;
  count: number;
}
