import type { FieldProblem } from '../../platform/http/errors.ts';

/** What a family can raise (the form's first question). */
export const contactTopics = [
  { value: 'post', text: 'A post online', hint: 'Something posted about the school, a child or a member of staff' },
  { value: 'message', text: 'A message', hint: 'A message a child sent or received' },
  { value: 'seen-or-said', text: 'Something a child saw or said', hint: 'Something that worried you or your child' },
  { value: 'complaint', text: 'A complaint', hint: 'About how the school uses social media or photographs' },
] as const;

export interface ContactInput {
  about: string;
  details: string;
  name: string;
  relationship: string;
  email: string;
  phone: string;
  involvesNudeImages: boolean;
}

/** Checks the family's form; problems name the field, in the order of the form. Pure. */
export function contactProblems(input: ContactInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!contactTopics.some((t) => t.value === input.about)) problems.push({ field: 'about', message: 'Choose what your concern is about' });
  if (!input.details.trim()) problems.push({ field: 'details', message: 'Tell us what happened' });
  else if (input.details.length > 10_000) problems.push({ field: 'details', message: 'What happened must be 10,000 characters or fewer' });
  if (!input.name.trim()) problems.push({ field: 'name', message: 'Enter your name' });
  else if (input.name.length > 200) problems.push({ field: 'name', message: 'Your name must be 200 characters or fewer' });
  if (!input.relationship.trim()) problems.push({ field: 'relationship', message: 'Say who you are, for example parent of a child in Year 3' });
  else if (input.relationship.length > 100) problems.push({ field: 'relationship', message: 'Who you are must be 100 characters or fewer' });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim()) || input.email.length > 254)
    problems.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
  if (input.phone && !/^[0-9+() -]{6,30}$/.test(input.phone.trim())) problems.push({ field: 'phone', message: 'Enter a phone number, like 01632 960 001' });
  return problems;
}
