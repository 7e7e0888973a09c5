import { sql, type Kysely } from 'kysely';

/**
 * What issues 10 and 11 still needed: the day a member of staff started (training due dates, AGR-3),
 * an event's audience and who came — carers, pupils or staff (AGR-4), and undoing a mistaken phone
 * tap (REG-2) by appending an "undone" tap, since the taps are history and never changed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- From the MIS import where it says, or typed on the staff page; the record's creation day otherwise.
ALTER TABLE staff ADD COLUMN start_date date;

-- An event for one class (its pupils and their carers), or the whole school when empty.
ALTER TABLE events ADD COLUMN class_id uuid REFERENCES classes(id);
CREATE INDEX events_school_day ON events (school_id, held_on);

-- Who came: a carer, a pupil or a member of staff, each once per event.
ALTER TABLE event_attendance DROP CONSTRAINT event_attendance_pkey;
ALTER TABLE event_attendance ALTER COLUMN carer_id DROP NOT NULL;
ALTER TABLE event_attendance
  ADD COLUMN pupil_id uuid REFERENCES pupils(id),
  ADD COLUMN staff_id uuid REFERENCES staff(id),
  ADD CONSTRAINT event_attendance_one_person CHECK (num_nonnulls(carer_id, pupil_id, staff_id) = 1);
CREATE UNIQUE INDEX event_attendance_carer ON event_attendance (event_id, carer_id) WHERE carer_id IS NOT NULL;
CREATE UNIQUE INDEX event_attendance_pupil ON event_attendance (event_id, pupil_id) WHERE pupil_id IS NOT NULL;
CREATE UNIQUE INDEX event_attendance_staff ON event_attendance (event_id, staff_id) WHERE staff_id IS NOT NULL;

-- An "undone" tap names the tap it cancels; a tap is undone once at most.
ALTER TABLE phone_events DROP CONSTRAINT phone_events_action_check;
ALTER TABLE phone_events
  ADD COLUMN undoes uuid REFERENCES phone_events(id),
  ADD CONSTRAINT phone_events_action_check CHECK (action IN ('handed-in', 'returned', 'undone') AND (action = 'undone') = (undoes IS NOT NULL));
CREATE UNIQUE INDEX phone_events_undone_once ON phone_events (undoes) WHERE undoes IS NOT NULL;
`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The rest-agreements migration cannot be undone');
}
