import { Type, type Static } from 'typebox';

/** A version of a policy in the address: the policy's id and the version's number. */
export const VersionParams = Type.Object({ id: Type.String({ format: 'uuid' }), number: Type.String({ pattern: '^[0-9]{1,6}$' }) });
export type VersionParams = Static<typeof VersionParams>;

/** The body of a form that is only a button: one shape for the whole app. */
export { ButtonBody } from '../../platform/http/schemas.ts';
