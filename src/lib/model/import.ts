/**
 * The vocabulary of importing that the interface names: the formats Trama reads, the stages of
 * an import, and the model fields a plain record's fields can be mapped to (with the schema of a
 * mapping). Pure, kept in the model so that both the importers (`io/`) and the interface's words
 * (`i18n/`) can use them.
 */
import { z } from './zod';

/** The formats the importers read. */
export type FormatName =
	| 'native'
	| 'timelinejs'
	| 'vis-timeline'
	| 'records'
	/** JSON Lines: one record a line, read as a list of records. */
	| 'jsonl'
	| 'backup';

/** What format detection can say of a JSON input. */
export type DetectedFormat = FormatName | 'unknown';

/** The stages of an import, in order, as its progress reports them. */
export type Stage = 'reading' | 'parsing' | 'validating' | 'comparing' | 'writing';

const fieldName = z.string().optional();

/**
 * Model field → the record's field name (absent: not mapped). Strict, because a remembered
 * mapping comes back from storage, where a restored backup may have written anything.
 */
export const fieldMappingSchema = z.strictObject({
	title: fieldName,
	start: fieldName,
	end: fieldName,
	actors: fieldName,
	place: fieldName,
	summary: fieldName,
	tags: fieldName,
	url: fieldName,
	/** A field that states each record's confidence (confirmed, reported…); else unassessed. */
	confidence: fieldName,
	id: fieldName
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

/** The model fields a record's fields can be mapped to, in the dialog's order. */
export const MAPPABLE = fieldMappingSchema.keyof().options;
export type Mappable = (typeof MAPPABLE)[number];

/** What the numbers in a list of records' date columns are (see `io/date-numbers.ts`). */
export const DATE_NUMBER_KINDS = ['years', 'unixSeconds', 'unixMs', 'excelDays'] as const;
export type DateNumbers = (typeof DATE_NUMBER_KINDS)[number];

export const isDateNumbers = (value: unknown): value is DateNumbers =>
	typeof value === 'string' && (DATE_NUMBER_KINDS as readonly string[]).includes(value);
