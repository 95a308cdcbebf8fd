/**
 * The vocabulary of importing that the interface names: the formats Trama reads, the stages of
 * an import, and the model fields a plain record's fields can be mapped to. Pure names, kept in
 * the model so that both the importers (`io/`) and the interface's words (`i18n/`) can use them.
 */

/** The formats the importers read. */
export type FormatName = 'native' | 'timelinejs' | 'vis-timeline' | 'records' | 'backup';

/** What format detection can say of a JSON input. */
export type DetectedFormat = FormatName | 'unknown';

/** The stages of an import, in order, as its progress reports them. */
export type Stage = 'reading' | 'parsing' | 'validating' | 'comparing' | 'writing';

/** The model fields a record's fields can be mapped to. */
export const MAPPABLE = [
	'title',
	'start',
	'end',
	'actors',
	'place',
	'summary',
	'tags',
	'url',
	'id'
] as const;
export type Mappable = (typeof MAPPABLE)[number];
