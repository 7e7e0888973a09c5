import type { Generated } from 'kysely';

/** A concern raised by a family through the public contact form (20261201T1500_oversight_carer_concerns). */
export interface ConcernFamilyContactTable {
  concern_id: string;
  school_id: string;
  reference: string;
  name: string;
  email: string;
  phone: string | null;
  relationship: string;
  /** What the family was told when they sent it (the confirmation page and e-mail). */
  told: string;
  created_at: Generated<Date>;
}

/** A trust (20261201T1700_oversight_rest): the installation's own table, never granted to app_user. */
export interface TrustTable {
  id: Generated<string>;
  name: string;
  created_at: Generated<Date>;
}

export interface TrustSchoolTable {
  trust_id: string;
  member_school_id: string;
}

export interface TrustLeadTable {
  trust_id: string;
  lead_staff_id: string;
}
