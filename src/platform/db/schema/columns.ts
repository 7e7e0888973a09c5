import type { ColumnType } from 'kysely';

/** Column types shared by every table: timestamps as Dates, dates as 'YYYY-MM-DD', JSON as written text. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type DateOnly = ColumnType<string, string, string>;
export type Json<T> = ColumnType<T, string, string>;
