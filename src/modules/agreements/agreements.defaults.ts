/** Who an agreement is for. Staff, governors and volunteers sign in the app; carers by personal link; pupils through their teacher. */
export const audiences = ['staff', 'governors', 'volunteers', 'carers', 'pupils'] as const;
export type Audience = (typeof audiences)[number];
export const isAudience = (value: string): value is Audience => (audiences as readonly string[]).includes(value);

/** When a signature stops counting: never, at the start of each school year, or when a new version is published. */
export const renewals = ['never', 'each-september', 'new-version'] as const;
export type Renewal = (typeof renewals)[number];

export const audienceLabels: Record<Audience, string> = {
  staff: 'Staff',
  governors: 'Governors',
  volunteers: 'Volunteers',
  carers: 'Parents and carers',
  pupils: 'Pupils',
};

export const renewalLabels: Record<Renewal, string> = {
  never: 'Signed once, never asked again',
  'each-september': 'Signed again each September',
  'new-version': 'Signed again when the text changes',
};

export interface DefaultAgreement {
  key: string;
  title: string;
  audience: Audience[];
  renewal: Renewal;
  body: string;
}

/** The agreements every school starts with (AGR-1), from the conduct advice and appendices of the e-safety policies. */
export const defaultAgreements: readonly DefaultAgreement[] = [
  {
    key: 'staff-code-of-conduct',
    title: 'Staff code of conduct for the internet and social media',
    audience: ['staff', 'volunteers', 'governors'],
    renewal: 'new-version',
    body: `Everyone who works or volunteers at the school, and every governor, agrees to this code.

## Your own social media

- Set the privacy settings of every social media account you use so that only people you choose can see what you post.
- Do not accept or send friend or follow requests to pupils, past pupils under 18, or parents and carers of pupils at the school. If you already know a parent outside school, tell the headteacher.
- Never post anything that could identify a pupil, a class or the school: no photographs of pupils, no names, no school uniform, no school logo.
- Do not post negative comments about the school, its staff, pupils, parents or school events.

## At school

- Use only the school's devices and accounts for photographs and messages about pupils.
- Tell the designated safeguarding lead at once about anything online that worries you about a pupil.
- Report straight away any post about the school or its staff that concerns you; do not reply to it yourself.

I have read this code and will follow it. I understand that breaking it may lead to disciplinary action.`,
  },
  {
    key: 'home-school',
    title: 'Home-school agreement',
    audience: ['carers'],
    renewal: 'new-version',
    body: `This agreement is between the school and the family of each child. Please read it with your child.

## The school will

- Teach your child how to stay safe online, in lessons and assemblies, every year.
- Keep the internet at school filtered and supervised.
- Tell you when we are worried about something that happens online, and help you deal with it.

## As a family we will

- Support the school's e-safety rules and talk about them at home.
- Keep to the minimum ages of apps and websites (most social media is for people aged 13 and over).
- Not post photographs or videos of other people's children taken at school events on social media.
- Raise any worries about the school with the school directly, not on social media.
- Tell the school if something online upsets our child or another child at the school.`,
  },
  {
    key: 'pupil-rules',
    title: 'Our SMART rules for staying safe online',
    audience: ['pupils'],
    renewal: 'new-version',
    body: `I will be SMART online.

- **S**afe: I keep my name, my address, my school and my photos to myself.
- **M**eet: I never meet someone I only know online. I tell a grown-up if someone asks me to.
- **A**ccept: I do not open messages, pictures or links from people I do not know.
- **R**eliable: Not everything online is true. I check with a grown-up.
- **T**ell: If something online makes me sad, worried or scared, I tell a grown-up I trust straight away.

I will be kind online, like I am kind at school.`,
  },
];
