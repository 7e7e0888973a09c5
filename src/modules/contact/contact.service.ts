import type { Config } from '../../config.ts';
import { findSchoolByUrn, takeAttempt, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import { NotFound, TooManyRequests, ValidationError } from '../../platform/http/errors.ts';
import { raiseFamilyConcern } from '../concerns/concerns.family.ts';
import { evidenceFileProblem, type EvidenceFile } from '../concerns/concerns.input.ts';
import { contactProblems, contactTopics, type ContactInput } from './contact.rules.ts';

/** Each connection may send a few concerns an hour, and each school takes at most so many a day: enough for families, not for a flood. */
const perConnection = { max: 5, windowMinutes: 60 };
const perSchool = { max: 200, windowMinutes: 24 * 60 };

/** The public contact form (003 §2.7): a family raises a concern without an account. */
export function createContactService(schools: SchoolDatabase, config: Config, onMail: () => void) {
  async function school(urn: string) {
    const found = /^\d{5,8}$/.test(urn) ? await findSchoolByUrn(schools, urn) : undefined;
    if (!found) throw new NotFound('There is no school with that number on eSafety Office');
    return found;
  }
  return {
    school,

    async raise(urn: string, clientAddress: string, input: ContactInput, files: EvidenceFile[]) {
      const found = await school(urn);
      const problems = contactProblems(input);
      for (const file of input.involvesNudeImages ? [] : files) {
        const problem = evidenceFileProblem(file);
        if (problem) problems.push({ field: 'evidence', message: problem });
      }
      if (problems.length) throw new ValidationError(problems);
      if (!(await takeAttempt(schools, `contact:${clientAddress}`, perConnection)) || !(await takeAttempt(schools, `contact-school:${found.id}`, perSchool)))
        throw new TooManyRequests('Too many concerns have been sent from your connection. Wait an hour and try again, or phone the school.');
      const aboutLabel = contactTopics.find((t) => t.value === input.about)!.text;
      const result = await withSchool(schools, found.id, (tx) =>
        raiseFamilyConcern(
          tx,
          found.id,
          config,
          {
            name: input.name.trim(),
            email: input.email.trim(),
            phone: input.phone.trim() || null,
            relationship: input.relationship.trim(),
            about: input.about,
            aboutLabel,
            details: input.details.trim(),
            involvesNudeImages: input.involvesNudeImages,
          },
          files,
        ),
      );
      onMail();
      return { schoolName: found.name, ...result };
    },
  };
}
