import type { Generated } from 'kysely';

/** An e-mail address change from the MIS, waiting for the headteacher (20261201T0900_trust_people). */
export interface StaffEmailChangeHeldTable {
  id: Generated<string>;
  school_id: string;
  staff_id: string;
  sourced_id: string;
  from_email: string | null;
  to_email: string;
  held_at: Generated<Date>;
  applied_at: Date | null;
  applied_by: string | null;
}
