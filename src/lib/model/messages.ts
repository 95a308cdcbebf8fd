/**
 * The catalogue of messages the model, the importers and the store can give a user: each is a
 * code with parameters, never a sentence. `src/lib/i18n/` turns a message into words in the
 * interface language (the English is in `i18n/en.ts`), so a second language is a second file.
 *
 * Pure: plain data that a worker can post to the page (structured clone) and tests can compare.
 */

/** Fields that messages name ("the title is empty"); each language has a word for each. */
export const FIELDS = [
	'eventId',
	'actorId',
	'datasetId',
	'periodId',
	'title',
	'summary',
	'notes',
	'placeName',
	'role',
	'relationLabel',
	'sourceTitle',
	'publisher',
	'quote',
	'tag',
	'name',
	'alias',
	'description',
	'label',
	'datasetName',
	'datasetDescription',
	'fileName',
	// Media (schema.ts, mediaSchema)
	'mediaCaption',
	'mediaCredit',
	'mediaAlt'
] as const;
export type Field = (typeof FIELDS)[number];

/** What a JSON syntax error is, as jsonc-parser names it (`printParseErrorCode`). */
export const JSON_SYNTAX_ERRORS = [
	'InvalidSymbol',
	'InvalidNumberFormat',
	'PropertyNameExpected',
	'ValueExpected',
	'ColonExpected',
	'CommaExpected',
	'CloseBraceExpected',
	'CloseBracketExpected',
	'EndOfFileExpected',
	'InvalidCommentToken',
	'UnexpectedEndOfComment',
	'UnexpectedEndOfString',
	'UnexpectedEndOfNumber',
	'InvalidUnicode',
	'InvalidEscapeCharacter',
	'InvalidCharacter'
] as const;
export type JsonSyntaxError = (typeof JSON_SYNTAX_ERRORS)[number];

/** Something wrong at a place in the input: `events[12].start` and why. */
export interface Problem {
	/** Where in the input, e.g. `events[12].start`; empty for the whole input. */
	path: string;
	message: Message;
}

/** The kinds of value a message parameter holds, and their types. */
export interface ParamKinds {
	number: number;
	text: string;
	texts: string[];
	flag: boolean;
	field: Field;
	jsonSyntax: JsonSyntaxError;
	/** A message inside a message ("2023-13": <why>). */
	message: Message;
	/** Problems a message lists ("the backup is damaged: <the first ones>"). */
	problems: Problem[];
}
type Kind = keyof ParamKinds;

/**
 * Every message code with the kind of each of its parameters. The list exists at run time, so
 * tests can check that each language has a text for every code and no text for any other, and
 * the renderer knows which parameters are themselves messages.
 */
export const MESSAGE_PARAMS = {
	// Partial dates (model/dates.ts)
	'date.notAYear': { value: 'number' },
	// One message for every year out of range, whatever the year, so a preview can group them.
	'date.yearOutOfRange': { min: 'number', max: 'number' },
	'date.dayNeedsMonth': {},
	'date.notAMonth': { value: 'number' },
	'date.timeNeedsDay': {},
	'date.notADay': { value: 'number', year: 'number', month: 'number', days: 'number' },
	'date.minutesNeedHour': {},
	'date.notAnHour': { value: 'number' },
	'date.notAMinute': { value: 'number' },
	'date.notASecond': { value: 'number' },
	'date.empty': {},
	'date.shape': { text: 'text' },
	'date.at': { text: 'text', reason: 'message' },
	'date.notFinite': { value: 'number' },
	'date.wrongType': {},
	// Dates typed into a form (model/date-entry.ts)
	'date.entryUnknown': { text: 'text' },
	'date.entryNoYear': { text: 'text' },
	'date.entryShortYear': { text: 'text' },
	'date.entryAmbiguous': { text: 'text', first: 'number', second: 'number', year: 'number' },

	// The model's schema (model/schema.ts)
	'schema.notText': { field: 'field' },
	'schema.empty': { field: 'field' },
	'schema.tooDeep': { max: 'number' },
	'schema.reservedKey': { key: 'text' },
	'schema.notJson': {},
	'schema.tooLong': { field: 'field', max: 'number' },
	'schema.edgeSpace': { field: 'field' },
	'schema.dateNotText': {},
	'schema.notADate': {},
	'schema.countryShape': {},
	'schema.unknownCountry': { code: 'text' },
	'schema.sourceUrl': {},
	'schema.latLon': {},
	'schema.relationSelf': {},
	'schema.languageTag': {},
	'schema.sourceNeedsUrlOrTitle': {},
	'schema.endBeforeStart': { start: 'text', end: 'text' },
	'schema.earliestAfterEvent': { earliest: 'text', event: 'text' },
	'schema.latestBeforeEvent': { latest: 'text', start: 'text' },
	'schema.latestBeforeEarliest': { latest: 'text', earliest: 'text' },
	'schema.listedTwice': { actor: 'text' },
	'schema.notParticipant': { actor: 'text' },
	'schema.periodEndsBeforeStart': {},
	'schema.idTwice': { id: 'text' },
	'schema.unknownActor': { actor: 'text' },

	// zod's own checks, where the schema gives no message of its own (model/issues.ts); type
	// names, values and keys are technical tokens ("string", `"confirmed"`), shown as they are.
	'zod.invalidType': { expected: 'text', received: 'text' },
	'zod.invalidValue': { values: 'texts' },
	'zod.tooBig': { origin: 'text', limit: 'text', inclusive: 'flag', exact: 'flag' },
	'zod.tooSmall': { origin: 'text', limit: 'text', inclusive: 'flag', exact: 'flag' },
	'zod.invalidFormat': { format: 'text', detail: 'text' },
	'zod.notMultipleOf': { divisor: 'text' },
	'zod.unrecognizedKeys': { keys: 'texts' },
	'zod.invalidKey': { origin: 'text' },
	'zod.invalidUnion': { options: 'texts', ambiguous: 'flag' },
	'zod.invalidElement': { origin: 'text' },
	'zod.invalid': {},

	// The native file's marker and version (model/validate.ts)
	'file.notObject': {},
	'file.notTrama': { format: 'text' },
	'file.newerVersion': { version: 'number', supported: 'number' },
	'file.unknownVersion': { version: 'text', supported: 'number' },

	// JSON text (io/json.ts)
	'json.empty': {},
	'json.invalid': { detail: 'text' },
	'json.syntax': { line: 'number', column: 'number', reason: 'jsonSyntax' },

	// Importing (io/detect.ts, result.ts, the importers, read.ts, pipeline.ts)
	'import.tooLarge': { bytes: 'number', limit: 'number' },
	'import.tooLargeRead': { bytes: 'number', limit: 'number' },
	'import.notUtf8': { asUtf8: 'text', asLegacy: 'text' },
	'import.binary': { kind: 'text' },
	'import.chooseFields': {},
	'import.isBackup': {},
	'import.emptyList': {},
	'import.unknownFormat': {},
	'import.invalidFile': { problems: 'problems' },
	'import.idTwice': { id: 'text', first: 'text' },
	'import.sameRecord': { first: 'text' },
	'import.notAList': {},
	'import.dateNotObject': {},
	'import.notWholeNumber': { value: 'text' },
	'import.notExcelDay': { value: 'text' },
	'import.dateNumbersUnknown': { value: 'text' },
	'import.yearMissing': {},
	'import.eventNotObject': {},
	'import.eraTwice': { label: 'text', start: 'text' },
	'import.itemNotObject': {},
	'import.recordNotObject': {},
	// A line of JSON Lines that is not JSON (io/lines.ts); the problem's path says which line.
	'import.lineSyntax': { column: 'number', reason: 'jsonSyntax' },
	'import.nothingValid': {},
	// What a file claims (confidence) and files Trama names but does not read
	'import.notAConfidence': { value: 'text', allowed: 'texts' },
	'import.timelineJs2': {},

	// Backups (io/backup.ts)
	'backup.isDataset': {},
	'backup.notBackup': {},
	'backup.newer': { version: 'number', supported: 'number' },
	'backup.damaged': { problems: 'problems', more: 'number' },

	// Web addresses and downloads (io/url.ts)
	'download.noAddress': {},
	'download.notAddress': { text: 'text' },
	'download.notHttp': { text: 'text' },
	'download.unreachable': { host: 'text' },
	'download.status': { status: 'number', statusText: 'text', url: 'text' },
	'download.webPage': { url: 'text' },

	// The default dataset (io/default-dataset.ts)
	'default.unreachable': { detail: 'text' },
	'default.status': { status: 'number' },
	'default.notJson': {},
	'default.invalid': { problems: 'problems' },

	// Pictures of the views (export/picture.ts)
	'picture.notDrawn': {},
	'picture.pngNotDrawn': {},
	'picture.noCanvas': {},
	'picture.pngNotEncoded': {},

	// The store (db/repository.ts)
	'store.noDataset': { id: 'text' },
	'store.nameEmpty': {},
	'store.nameTooLong': { max: 'number' },
	'store.eventWithoutId': { dataset: 'text', index: 'number' },
	'store.eventIdTwice': { dataset: 'text', id: 'text' },
	'store.noEvent': { dataset: 'text', id: 'text' },
	'store.noActor': { id: 'text' },
	'store.changedSince': { title: 'text' },
	'store.editedSince': { title: 'text' },
	'store.invalidActor': { path: 'text', reason: 'message' },
	'store.actorInUse': { name: 'text', count: 'number' },
	'store.mergeSelf': {},
	'store.invalidEvent': { path: 'text', reason: 'message' },
	// The browser's storage itself (see `storageMessage`).
	'store.newer': {},
	'store.unknownTables': { names: 'texts' },
	'store.incompatible': {},
	'store.unavailable': {},
	'store.full': {},
	'store.fullOf': { used: 'number', quota: 'number' },
	'store.failed': { detail: 'text' },

	/** An error that carries no message of ours (a browser's or a library's): its own text. */
	'error.unexpected': { detail: 'text' }
} as const satisfies Record<string, Record<string, Kind>>;

type Catalogue = typeof MESSAGE_PARAMS;
export type MessageCode = keyof Catalogue;

/** Every message code, at run time. */
export const MESSAGE_CODES = Object.keys(MESSAGE_PARAMS) as MessageCode[];

/** The parameters of a message, with each kind read through a table of types. */
export type ParamsWith<C extends MessageCode, Types extends Record<Kind, unknown>> = {
	-readonly [K in keyof Catalogue[C]]: Types[Catalogue[C][K] & Kind];
};
export type MessageParams<C extends MessageCode> = ParamsWith<C, ParamKinds>;

/** A message: its code and that code's parameters (the compiler pairs them). */
export type Message = { [C in MessageCode]: { code: C; params: MessageParams<C> } }[MessageCode];

/** A code's parameters as arguments: none for a code without parameters. */
export type MessageArgs<C extends MessageCode> = keyof Catalogue[C] extends never
	? []
	: [MessageParams<C>];

/** Builds a message: `msg('date.notAMonth', { value: 13 })`, `msg('date.empty')`. */
export function msg<C extends MessageCode>(code: C, ...[params]: MessageArgs<C>): Message {
	return { code, params: params ?? {} } as Message;
}

export function isMessageCode(code: unknown): code is MessageCode {
	return typeof code === 'string' && Object.hasOwn(MESSAGE_PARAMS, code);
}
