import { Type } from 'typebox';

/** A version of a policy in the address: the policy's id and the version's number. */
export const VersionParams = Type.Object({ id: Type.String({ format: 'uuid' }), number: Type.String({ pattern: '^[0-9]{1,6}$' }) });
