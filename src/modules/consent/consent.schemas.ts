import { Type } from 'typebox';

/** The body of a form that is only a button: its CSRF token, nothing else. */
export const ButtonBody = Type.Object({ _csrf: Type.Optional(Type.String()) });

/** A form whose field names are made from its content (a row per purpose, an answer per child): read by the service. */
export const OpenFormBody = Type.Record(Type.String(), Type.Unknown());
