/**
 * Every string the English interface shows, and the English of every message code the model,
 * the importers and the store give (`messages`). Another language is another file of this shape
 * (`Messages`); numbers and dates are formatted through Intl with the language's `locale`.
 */
import { formatLocalInstant, formatYear } from '../model/dates';
import type { DateNumbers, DetectedFormat, Mappable, Stage } from '../model/import';
import type { Field, JsonSyntaxError, Message } from '../model/messages';
import type { MediaKind } from '../model/media';
import type { ActorKind, Confidence, EventKind, RelationType } from '../model/schema';
import type { ChangeKind, EventField } from '../model/changes';
import { renderMessage, type MessageLanguage, type MessageTexts } from './render';

const plural = new Intl.PluralRules('en');
const number = new Intl.NumberFormat('en-GB');
const count = (n: number, one: string, other: string) =>
	`${number.format(n)} ${plural.select(n) === 'one' ? one : other}`;

/** How messages name fields: "the title is empty". */
const fields = {
	eventId: 'the event id',
	actorId: 'the actor id',
	datasetId: 'the dataset id',
	periodId: 'the period id',
	title: 'the title',
	summary: 'the summary',
	notes: 'the notes',
	placeName: 'the place name',
	role: 'the role',
	relationLabel: 'the relation label',
	sourceTitle: 'the source title',
	publisher: 'the publisher',
	quote: 'the quote',
	tag: 'a tag',
	name: 'the name',
	alias: 'an alias',
	description: 'the description',
	label: 'the label',
	datasetName: 'the dataset name',
	datasetDescription: 'the dataset description',
	fileName: 'the file name',
	mediaCaption: 'the media caption',
	mediaCredit: 'the media credit',
	mediaAlt: 'the media’s alternative text'
} satisfies Record<Field, string>;

const jsonSyntax = {
	InvalidSymbol: 'unexpected character',
	InvalidNumberFormat: 'malformed number',
	PropertyNameExpected: 'a property name in double quotes was expected',
	ValueExpected: 'a value was expected',
	ColonExpected: 'a colon was expected',
	CommaExpected: 'a comma was expected',
	CloseBraceExpected: 'a closing } was expected',
	CloseBracketExpected: 'a closing ] was expected',
	EndOfFileExpected: 'unexpected text after the end',
	InvalidCommentToken: 'comments are not allowed in JSON',
	UnexpectedEndOfComment: 'unfinished comment',
	UnexpectedEndOfString: 'unfinished string',
	UnexpectedEndOfNumber: 'unfinished number',
	InvalidUnicode: 'invalid unicode escape',
	InvalidEscapeCharacter: 'invalid escape character',
	InvalidCharacter: 'invalid character in a string'
} satisfies Record<JsonSyntaxError, string>;

/** What the first bytes of a file that is not text say it is (`io/read.ts`). */
const binaryKinds: Record<string, string> = {
	png: 'a PNG picture',
	jpeg: 'a JPEG picture',
	gif: 'a GIF picture',
	pdf: 'a PDF document',
	zip: 'a ZIP archive (or an Excel or Word file)',
	gzip: 'a gzip-compressed file'
};

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const megabytes = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const list = new Intl.ListFormat('en', { type: 'conjunction' });

/** A size for people: "812 kB", "12.4 MB", "9.8 GB". */
const bytes = (n: number): string =>
	n >= 1e9
		? `${megabytes.format(n / 1e9)} GB`
		: n >= 1e6
			? `${megabytes.format(n / 1e6)} MB`
			: `${megabytes.format(Math.max(0, n) / 1e3)} kB`;

// zod's own checks, worded as zod's English words them (a test holds the two together).
const zodType = (type: string) => (type === 'nan' ? 'NaN' : type);
const zodUnits: Record<string, string> = {
	string: 'characters',
	file: 'bytes',
	array: 'items',
	set: 'items',
	map: 'entries'
};
const zodFormats: Record<string, string> = {
	regex: 'input',
	email: 'email address',
	url: 'URL',
	emoji: 'emoji',
	uuid: 'UUID',
	uuidv4: 'UUIDv4',
	uuidv6: 'UUIDv6',
	nanoid: 'nanoid',
	guid: 'GUID',
	cuid: 'cuid',
	cuid2: 'cuid2',
	ulid: 'ULID',
	xid: 'XID',
	ksuid: 'KSUID',
	datetime: 'ISO datetime',
	date: 'ISO date',
	time: 'ISO time',
	duration: 'ISO duration',
	ipv4: 'IPv4 address',
	ipv6: 'IPv6 address',
	mac: 'MAC address',
	cidrv4: 'IPv4 range',
	cidrv6: 'IPv6 range',
	base64: 'base64-encoded string',
	base64url: 'base64url-encoded string',
	json_string: 'JSON string',
	e164: 'E.164 number',
	currency_code: 'currency code',
	credit_card: 'credit card number',
	iban: 'IBAN',
	jwt: 'JWT',
	template_literal: 'input'
};
const zodSize = (
	word: string,
	p: { origin: string; limit: string; exact: boolean; inclusive: boolean },
	[inclusive, exclusive]: [string, string]
) => {
	const bound = `${p.exact ? 'exactly ' : p.inclusive ? inclusive : exclusive}${p.limit}`;
	const unit = zodUnits[p.origin];
	return unit
		? `${word}: expected ${p.origin} to have ${bound} ${unit}`
		: `${word}: expected ${p.origin} to be ${bound}`;
};
const zodFormat = (format: string, detail: string) => {
	switch (format) {
		case 'starts_with':
			return `Invalid string: must start with "${detail}"`;
		case 'ends_with':
			return `Invalid string: must end with "${detail}"`;
		case 'includes':
			return `Invalid string: must include "${detail}"`;
		case 'regex':
			return `Invalid string: must match pattern ${detail}`;
		default:
			return `Invalid ${zodFormats[format] ?? format}`;
	}
};

/** The English of every message code (see `model/messages.ts` for the codes and parameters). */
const messages = {
	'date.notAYear': ({ value }) => `${value} is not a year`,
	'date.yearOutOfRange': ({ min, max }) =>
		`year outside ${formatYear(min, 'en-GB')} to ${formatYear(max, 'en-GB')}`,
	'date.dayNeedsMonth': () => 'a day or time needs a month',
	'date.notAMonth': ({ value }) => `${value} is not a month`,
	'date.timeNeedsDay': () => 'a time needs a day',
	'date.notADay': ({ value, year, month, days }) =>
		`${value} is not a day of ${monthName.format(Date.UTC(2000, month - 1, 1))} ${formatYear(year, 'en-GB')} (it has ${days} days)`,
	'date.minutesNeedHour': () => 'minutes need an hour',
	'date.notAnHour': ({ value }) => `${value} is not an hour`,
	'date.notAMinute': ({ value }) => `${value} is not a minute`,
	'date.notASecond': ({ value }) => `${value} is not a second`,
	'date.empty': () => 'the date is empty',
	'date.shape': ({ text }) =>
		`"${text}" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM, with Z for UTC (-0299 for 300 BCE)`,
	'date.at': ({ text, reason }) => `"${text}": ${reason}`,
	'date.notFinite': ({ value }) => `${value} is not a date`,
	'date.wrongType': () => 'a date must be text or a number',
	'date.entryUnknown': ({ text }) =>
		`"${text}" is not a date Trama can read: write it like 13 Sept 2023, Sept 2023, 2023, c. 1990 or 300 BCE`,
	'date.entryNoYear': ({ text }) => `"${text}" has no year: write the year too, as in 13 Sept 2023`,
	'date.entryShortYear': ({ text }) =>
		`"${text}": write the year in full (2023; 0023 for the year 23)`,
	'date.entryAmbiguous': ({ text, first, second, year }) => {
		const month = (m: number) => monthName.format(Date.UTC(2000, m - 1, 1));
		const y = formatYear(year, 'en-GB');
		return `"${text}" could be ${first} ${month(second)} or ${second} ${month(first)} ${y}: write the month in words, as in ${first} ${month(second).slice(0, 3)} ${y}`;
	},

	'schema.notText': ({ field }) => `${fields[field]} must be text`,
	'schema.empty': ({ field }) => `${fields[field]} is empty`,
	'schema.tooDeep': ({ max }) =>
		`nested more than ${max} levels deep: this record is left out (the others are kept)`,
	'schema.notJson': () => 'not a value a JSON file can hold',
	'schema.reservedKey': ({ key }) =>
		`the field name "${key}" is reserved in JavaScript, so Trama cannot keep it: rename the field in the file to import this record`,
	'schema.tooLong': ({ field, max }) => `${fields[field]} is longer than ${max} characters`,
	'schema.edgeSpace': ({ field }) => `${fields[field]} starts or ends with a space`,
	'schema.dateNotText': () => 'a date must be text such as "2023-09-13"',
	'schema.notADate': () => 'not a date',
	'schema.countryShape': () => 'use a two-letter ISO 3166-1 country code such as "RU"',
	'schema.unknownCountry': ({ code }) => `"${code}" is not a country code`,
	'schema.sourceUrl': () => 'a source URL must be a full http(s) address',
	'schema.latLon': () => 'give both lat and lon, or neither',
	'schema.relationSelf': () => 'a relation joins two different actors',
	'schema.languageTag': () => 'use a language tag such as "en" or "zh-Hans"',
	'schema.sourceNeedsUrlOrTitle': () => 'a source needs a url or a title',
	'schema.endBeforeStart': ({ start, end }) => `ends (${end}) before it starts (${start})`,
	'schema.earliestAfterEvent': ({ earliest, event }) =>
		`the earliest date (${earliest}) is after the event (${event})`,
	'schema.latestBeforeEvent': ({ latest, start }) =>
		`the latest date (${latest}) is before the event (${start})`,
	'schema.latestBeforeEarliest': ({ latest, earliest }) =>
		`the latest date (${latest}) is before the earliest (${earliest})`,
	'schema.listedTwice': ({ actor }) => `"${actor}" is listed twice`,
	'schema.notParticipant': ({ actor }) => `"${actor}" is not a participant of this event`,
	'schema.periodEndsBeforeStart': () => 'the period ends before it starts',
	'schema.idTwice': ({ id }) => `the id "${id}" is used twice`,
	'schema.unknownActor': ({ actor }) => `no actor has the id "${actor}"`,

	'zod.invalidType': ({ expected, received }) =>
		`Invalid input: expected ${zodType(expected)}, received ${zodType(received)}`,
	'zod.invalidValue': ({ values }) =>
		values.length === 1
			? `Invalid input: expected ${values[0]}`
			: `Invalid option: expected one of ${values.join('|')}`,
	'zod.tooBig': (p) => zodSize('Too big', p, ['<=', '<']),
	'zod.tooSmall': (p) => zodSize('Too small', p, ['>=', '>']),
	'zod.invalidFormat': ({ format, detail }) => zodFormat(format, detail),
	'zod.notMultipleOf': ({ divisor }) => `Invalid number: must be a multiple of ${divisor}`,
	'zod.unrecognizedKeys': ({ keys }) =>
		`Unrecognized key${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`,
	'zod.invalidKey': ({ origin }) => `Invalid key in ${origin}`,
	'zod.invalidUnion': ({ options, ambiguous }) =>
		options.length
			? `Invalid discriminator value. Expected ${options.map((o) => `'${o}'`).join(' | ')}`
			: ambiguous
				? 'Invalid input: more than one option matched'
				: 'Invalid input',
	'zod.invalidElement': ({ origin }) => `Invalid value in ${origin}`,
	'zod.invalid': () => 'Invalid input',

	'file.notObject': () => 'a Trama file is a JSON object with "format": "trama"',
	'file.notTrama': ({ format }) => `this is not a Trama file ("format" is not "${format}")`,
	'file.newerVersion': ({ version, supported }) =>
		`the file is format version ${version}; this version of Trama reads version ${supported}`,
	'file.unknownVersion': ({ version, supported }) =>
		`unknown format version ${version}; this version of Trama reads version ${supported}`,

	'json.empty': () => 'the file is empty',
	'json.invalid': ({ detail }) => `not valid JSON: ${detail}`,
	'json.syntax': ({ line, column, reason }) =>
		`not valid JSON at line ${line}, column ${column}: ${jsonSyntax[reason]}`,

	'import.binary': ({ kind }) =>
		`this is ${binaryKinds[kind] ?? 'a binary file'}, not a JSON file (was it renamed?)`,
	'import.tooLarge': ({ bytes, limit }) =>
		`the file is ${megabytes.format(bytes / 1024 / 1024)} MB; Trama reads files up to ${limit / 1024 / 1024} MB`,
	'import.tooLargeRead': ({ bytes, limit }) =>
		`reading stopped after ${megabytes.format(bytes / 1024 / 1024)} MB: the file is larger than the ${limit / 1024 / 1024} MB Trama reads`,
	'import.notUtf8': ({ asUtf8, asLegacy }) =>
		`this file is not UTF-8 text. It reads like Windows-1252 (Latin-1): “${asLegacy}”; as UTF-8 it would read “${asUtf8}”`,
	'import.notExcelDay': ({ value }) => `${value} is not a spreadsheet day (they start at 1)`,
	'import.dateNumbersUnknown': ({ value }) =>
		`${value} is a number: choose above what the numbers of the date column are (years, Unix seconds or milliseconds, spreadsheet days)`,
	'import.chooseFields': () =>
		'this is a list of records: choose which field is the title and which the date',
	'import.isBackup': () =>
		'this is a Trama backup of a whole store: bring it back with “Restore from a backup…” (it replaces everything)',
	'import.emptyList': () => 'the file holds an empty list: there is nothing to import',
	'import.unknownFormat': () =>
		'this JSON is not a Trama, TimelineJS3 or vis-timeline file, nor a list of records',
	'import.invalidFile': ({ problems }) => problems.join('; '),
	'import.idTwice': ({ id, first }) => `the id "${id}" is used twice (first at ${first})`,
	'import.sameRecord': ({ first }) =>
		`the same title and date as ${first}, and neither has an id to tell them apart: only the first is kept`,
	'import.notAList': () => 'expected a list of events, [ … ]',
	'import.dateNotObject': () => 'a date must be an object with at least a year',
	'import.notWholeNumber': ({ value }) => `${value} is not a whole number`,
	'import.yearMissing': () => 'the year is missing',
	'import.eventNotObject': () => 'an event must be an object',
	'import.eraTwice': ({ label, start }) => `the era "${label}" (${start}) is there twice`,
	'import.itemNotObject': () => 'an item must be an object',
	'import.recordNotObject': () => 'a record must be an object',
	'import.lineSyntax': ({ column, reason }) =>
		`not valid JSON at column ${column}: ${jsonSyntax[reason]}`,
	'import.nothingValid': () => 'there is nothing valid to import',
	// -- import trust: confidence and TimelineJS 2 --
	'import.notAConfidence': ({ value, allowed }) =>
		`${value} is not a confidence: use ${allowed.join(', ')}, or leave the field unmapped (then every record is unassessed)`,
	'import.timelineJs2': () =>
		'this is a TimelineJS 2 (legacy) file (timeline.date[] with dates such as "2012,1,26"); TimelineJS 2 files are not supported: convert it to TimelineJS3 JSON (events[] with start_date objects) and import that',

	'backup.isDataset': () => 'this is a Trama dataset file, not a backup: import it with “Import…”',
	'backup.notBackup': () => 'this is not a Trama backup file',
	'backup.newer': ({ version, supported }) =>
		`this backup was made by a newer Trama (backup version ${version}); this one reads version ${supported}`,
	'backup.damaged': ({ problems, more }) =>
		`the backup is damaged: ${problems.join('; ')}${more > 0 ? ` (and ${more} more problems)` : ''}`,

	'download.noAddress': () => 'type the address of a JSON file',
	'download.notAddress': ({ text }) => `“${text}” is not a web address`,
	'download.notHttp': ({ text }) =>
		`“${text}” is not a web address: it must start with http:// or https://`,
	'download.unreachable': ({ host }) =>
		`could not download from ${host}: the server is unreachable, or it does not let other sites read its files (CORS)`,
	'download.status': ({ status, statusText, url }) =>
		`the server answered ${status}${statusText ? ` ${statusText}` : ''} for ${url}`,
	'download.webPage': ({ url }) => `${url} is a web page, not a JSON file`,

	'default.unreachable': ({ detail }) => `the default dataset could not be fetched (${detail})`,
	'default.status': ({ status }) => `the default dataset could not be fetched: HTTP ${status}`,
	'default.notJson': () => 'the default dataset is not valid JSON',
	'default.invalid': ({ problems }) => `the default dataset is invalid: ${problems.join('; ')}`,

	'picture.notDrawn': () => 'the picture could not be drawn',
	'picture.pngNotDrawn': () => 'the picture could not be drawn as PNG',
	'picture.noCanvas': () => 'this browser cannot draw a PNG',
	'picture.pngNotEncoded': () => 'the PNG could not be encoded',

	'store.noDataset': ({ id }) => `there is no dataset "${id}"`,
	'store.nameEmpty': () => 'a dataset needs a name',
	'store.nameTooLong': ({ max }) => `a dataset name has at most ${max} characters`,
	'store.noEvent': ({ dataset, id }) =>
		`the event "${id}" is no longer in the dataset "${dataset}"`,
	'store.noActor': ({ id }) => `there is no actor "${id}"`,
	'store.changedSince': ({ title }) =>
		`“${title}” has been changed since (in another tab?): nothing was undone or redone`,
	'store.editedSince': ({ title }) =>
		`“${title}” was changed elsewhere (another tab?) while you edited it: nothing was saved. Cancel, open it again and redo your change.`,
	'store.invalidActor': ({ path, reason }) => (path ? `${path}: ${reason}` : String(reason)),
	'store.actorInUse': ({ name, count: n }) =>
		`${name} is named by ${count(n, 'event', 'events')}: remove them from those events first, or choose to.`,
	'store.mergeSelf': () => 'an actor cannot be merged into itself',
	'store.invalidEvent': ({ path, reason }) => (path ? `${path}: ${reason}` : String(reason)),
	'store.eventWithoutId': ({ dataset, index }) =>
		`event ${index + 1} of dataset "${dataset}" has no id: nothing was written`,
	'store.eventIdTwice': ({ dataset, id }) =>
		`two events of dataset "${dataset}" have the id "${id}": nothing was written`,

	'store.newer': () =>
		'this browser holds data written by a newer version of Trama. Open that version to work with it, or restore a backup in another browser profile. Nothing was changed.',
	'store.unknownTables': ({ names }) =>
		`this browser’s Trama data also holds tables Trama did not write (${list.format(names.map((n) => `"${n}"`))}), perhaps another program’s on this site. Updating the data to this version of Trama would delete them, so it was not done and nothing was changed. Download the stored data as it is to keep a copy.`,
	'store.incompatible': () =>
		'the data stored under Trama’s name in this browser was written by another program, in a shape Trama cannot read or update. Nothing was changed. Download the stored data as it is to keep a copy.',
	'store.unavailable': () =>
		'this browser does not let Trama keep data. Private windows and some privacy settings turn off the storage Trama needs (IndexedDB); a normal window, or allowing this site to store data, brings it back.',
	'store.full': () =>
		'the browser’s storage for Trama is full. Delete datasets you no longer need, or free space on this computer, and try again.',
	'store.fullOf': ({ used, quota }) =>
		`the browser’s storage for Trama is full (${bytes(used)} used of ${bytes(quota)}). Delete datasets you no longer need, or free space on this computer, and try again.`,
	'store.failed': ({ detail }) => `the browser’s storage refused: ${detail}`,

	'error.unexpected': ({ detail }) => detail
} satisfies MessageTexts;

const language: MessageLanguage = {
	messages,
	problem: (path, reason) => (path === '' ? reason : `${path}: ${reason}`)
};
/** A message in English (for the few texts below that carry one). */
const say = (message: Message) => renderMessage(language, message);

export const en = {
	/** BCP 47 locale for Intl date and number formatting. */
	locale: 'en-GB',
	app: {
		name: 'Trama',
		tagline: 'Dated events, linked timelines and actor networks — kept in your browser'
	},
	languageSwitch: {
		label: 'Language of the interface'
	},
	theme: {
		toLight: 'Switch to light theme',
		toDark: 'Switch to dark theme'
	},
	datasets: {
		heading: 'Datasets',
		events: (n: number) => count(n, 'event', 'events'),
		deleteLabel: (name: string) => `Delete dataset “${name}”`,
		deleteTitle: 'Delete this dataset?',
		deleteBody: (name: string, n: number) =>
			`“${name}” and its ${count(n, 'event', 'events')} will be removed from this browser. Actors that other datasets still use are kept.`,
		deleteConfirm: 'Delete dataset',
		restore: 'Restore the default dataset',
		restoreTitle: 'Restore the default dataset?',
		restoreBody:
			'The default dataset’s events and actors are brought back as shipped; edits to them are replaced (Undo brings them back). Your other datasets are not touched.',
		restoreConfirm: 'Restore',
		restored: (n: number) => `Default dataset restored: ${count(n, 'event', 'events')}.`,
		deleted: (name: string) => `Deleted “${name}”.`,
		none: 'No datasets',
		show: (name: string) => `Show “${name}” in the views`,
		hiddenNotice: (name: string) => `“${name}” is hidden.`,
		shownNotice: (name: string) => `“${name}” is shown.`,
		hiddenLabel: 'hidden',
		renameLabel: (name: string) => `Rename “${name}”`,
		renameField: 'New name',
		renameSave: 'Save',
		renamed: (name: string) => `Renamed to “${name}”.`
	},
	keys: {
		title: 'Keyboard shortcuts',
		open: 'Keyboard shortcuts (?)',
		groups: [
			{
				title: 'Anywhere',
				keys: [
					{ keys: ['/', 'Ctrl+K'], what: 'Search the events' },
					{ keys: ['N'], what: 'New event' },
					{ keys: ['Ctrl+Z'], what: 'Undo the last change' },
					{ keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], what: 'Redo it' },
					{ keys: ['Esc'], what: 'Clear the selection, or close a dialog' },
					{ keys: ['?'], what: 'These shortcuts' }
				]
			},
			{
				title: 'Timeline, once it has the focus',
				keys: [
					{ keys: ['+', '−'], what: 'Zoom in, zoom out' },
					{ keys: ['0'], what: 'Show every event' },
					{ keys: ['←', '→'], what: 'Previous, next event (with none selected: move the window)' },
					{ keys: ['Enter'], what: 'Select the first event, or open the one selected' }
				]
			},
			{
				title: 'Overview strip',
				keys: [
					{ keys: ['←', '→'], what: 'Move the window a little' },
					{ keys: ['PgUp', 'PgDn'], what: 'Move it a whole width' },
					{ keys: ['Shift+←', 'Shift+→'], what: 'Narrow it, widen it' },
					{ keys: ['Home', 'End'], what: 'Go to the first events, the last' }
				]
			},
			{
				title: 'Network',
				keys: [
					{ keys: ['←', '↑', '→', '↓'], what: 'Go to the nearest actor that way' },
					{ keys: ['Enter', 'Space'], what: 'Select the actor, or the link' },
					{ keys: ['Shift+Tab'], what: 'From the selected actor, back through its links' }
				]
			},
			{
				title: 'Views and divider',
				keys: [
					{ keys: ['←', '→'], what: 'On the tabs: the other view' },
					{ keys: ['↑', '↓'], what: 'On the divider: a shorter or taller timeline' }
				]
			}
		]
	},
	announce: {
		window: (window: string, events: number) =>
			`Timeline: ${window}, ${count(events, 'event', 'events')} shown.`,
		event: (title: string, date: string, confidence: string) =>
			`Event selected: ${title}, ${date}, ${confidence}.`,
		actor: (name: string, events: number, links: number) =>
			`Actor selected: ${name}, ${count(events, 'event', 'events')}, ${count(links, 'connection', 'connections')}.`,
		link: (a: string, b: string, events: number) =>
			`Link selected: ${a} and ${b}, ${count(events, 'event', 'events')}.`
	},
	setAside: {
		title: (n: number) => `${count(n, 'stored event cannot', 'stored events cannot')} be shown`,
		/** When a block set aside does not say how many events it holds. */
		titleUncounted: 'Stored events cannot be shown',
		why: 'Another program, or an older Trama, wrote them in a shape Trama does not read. They stay stored as they are; download them to repair by hand and import again.',
		/** When a whole block cannot be read: damage is as likely as another program. */
		whyUnreadable:
			'Part of what is stored cannot be read: it may be damaged (a fault of the browser or the disk), or another program wrote it. It stays stored as it is; download it to repair by hand and import again.',
		item: (dataset: string, id: string | undefined, field: string) =>
			`${dataset}: ${id === undefined ? 'an event without an id' : `“${id}”`} (${field})`,
		/** A whole block that cannot be read, and how many events it holds when it says so. */
		block: (dataset: string, events: number | undefined) =>
			`${dataset}: ${events === undefined ? 'a block of events' : `a block of ${count(events, 'event', 'events')}`}, unreadable`,
		more: (n: number) => `and ${number.format(n)} more`,
		download: 'Download them (JSON)'
	},
	common: {
		hiddenCharacters:
			'Careful: this text holds invisible characters that change how it reads (they can make one name look like another). Written out:',
		cancel: 'Cancel',
		close: 'Close',
		retry: 'Try again'
	},
	status: {
		loading: 'Opening your data…',
		startFailed: 'Trama could not open its data',
		downloadRaw: 'Download the stored data as it is',
		openInMemory: 'Open without saving',
		openInMemoryHint:
			'Without saving, you can still import files, explore them and export what you find; nothing is kept when this tab closes.',
		memoryMode:
			'Nothing is saved: this browser does not let Trama keep data, so what you import lives only in this tab. Export or back up before you close it.',
		upgradedElsewhere:
			'A newer Trama opened your data in another tab. Reload this tab to go on working with it.',
		reload: 'Reload',
		viewFailed: (detail: string) =>
			`This view’s code did not arrive, so it cannot be shown (${detail}). Your data is safe: reloading the page asks for it again.`,
		dialogFailed: (detail: string) =>
			`This dialog’s code did not arrive, so it cannot open (${detail}). Your data is safe: reloading the page asks for it again.`,
		recoveredName: (id: string) => `Recovered events (${id})`,
		recovered: (n: number) =>
			`An interrupted operation had left events without their dataset: Trama kept them as ${count(n, 'recovered dataset', 'recovered datasets')}. Look them over, then keep or delete them.`,
		actionFailed: (what: string) => `That did not work: ${what}`
	},
	table: {
		heading: 'Events',
		caption: 'Events in chronological order',
		filterLabel: 'Filter events',
		filterPlaceholder: 'Filter by title, actor, place, tag, source…',
		clearFilter: 'Clear filter',
		searching: 'Searching the events…',
		waiting: 'Listing the events…',
		showing: (shown: number, total: number) =>
			shown === total
				? count(total, 'event', 'events')
				: `${number.format(shown)} of ${count(total, 'event', 'events')}`,
		columns: {
			date: 'Date',
			title: 'Event',
			actors: 'Actors',
			place: 'Place',
			confidence: 'Confidence',
			sources: 'Sources'
		},
		sortAscending: 'Date, oldest first — sort newest first',
		sortDescending: 'Date, newest first — sort oldest first',
		noMatchTitle: 'No event matches the filter',
		noMatchBody: (query: string) => `Nothing contains “${query}”. Try fewer or other words.`,
		noMatchInScopeBody: (query: string, limits: string) =>
			`Nothing contains “${query}” once the table follows ${limits}. Show all looks past that.`,
		emptyTitle: 'No events yet',
		emptyBody:
			'Every dataset is gone from this browser. Restore the default dataset to start again.',
		noSource: 'No source',
		moreSources: (n: number) => `+${number.format(n)} more`,
		circa: 'c.',
		between: (a: string, b: string) => `between ${a} and ${b}`
	},
	timeline: {
		label: 'Timeline',
		keyboardHelp:
			'Keys: + and − zoom, arrows pan (or step between events when one is selected), 0 fits all, Enter opens, Escape closes.',
		others: (n: number) => `Others (${number.format(n)} actors)`,
		noActor: 'No actor',
		noPlace: 'No place',
		allEvents: 'All events',
		lanes: 'Lanes',
		grouping: { actor: 'Actor', kind: 'Kind', country: 'Country', none: 'None' },
		presets: { all: 'All', decade: 'Decade', year: 'Year', month: 'Month', week: 'Week' },
		zoomIn: 'Zoom in',
		zoomOut: 'Zoom out',
		fit: 'Fit all',
		expandOthers: 'Show every actor',
		collapseOthers: 'Busiest actors only',
		cluster: (n: number) => `${number.format(n)} events`,
		clusterHint: 'Zoom in to see them',
		laneCount: (n: number) => number.format(n),
		window: (from: string, to: string) => `${from} – ${to}`,
		loading: 'Drawing the timeline…',
		empty: 'No events to draw',
		emptyFiltered: 'The filter keeps no events',
		overviewBrush:
			'Window shown: arrows move it, Shift with arrows widens or narrows it, Home and End go to the first and last events',
		overviewKept: 'Kept by the filter',
		overviewAll: 'All events',
		overview:
			'Overview: events over the whole period; drag the highlighted window to move the timeline',
		selected: (title: string, date: string) => `Selected: ${title}, ${date}`,
		badLink: 'Part of the link was not understood and was ignored:',
		badWindow: 'the time window',
		badLanes: 'the lane grouping',
		unknownEvent: (id: string) => `No event has the id “${id}”.`
	},
	importer: {
		open: 'Import…',
		title: 'Import events',
		intro:
			'Trama reads its own format, TimelineJS3 and vis-timeline JSON, and lists of records whose fields you map, also as JSON Lines (one record a line), in files up to 500 MB. Nothing is written until you press Import.',
		files: 'JSON or JSON Lines files',
		url: 'Or a web address',
		urlRead: 'Download',
		urlReadFrom: (host: string) => `Download from ${host}`,
		urlPrivacy:
			'The site learns your internet address and when you asked; Trama sends no cookies and does not say which page sent you.',
		consentTitle: (host: string) => `Download a file from ${host}?`,
		consentLink: 'A link asks Trama to download this file. Nothing has been downloaded yet.',
		consentRemember: (host: string) => `Don’t ask again for ${host} on this browser`,
		consentYes: (host: string) => `Download from ${host}`,
		consentNo: 'Don’t download',
		approvedHosts: (hosts: string[]) => `Links from ${list.format(hosts)} download without asking.`,
		forgetHosts: 'Ask again for every site',
		urlPlaceholder: 'https://example.org/events.json',
		urlBad: (why: Message) => `Cannot download: ${say(why)}.`,
		drop: 'Drop JSON files to import them',
		remove: (name: string) => `Remove ${name}`,
		stage: {
			reading: 'Reading',
			parsing: 'Parsing the JSON',
			validating: 'Checking records',
			comparing: 'Comparing with what is stored',
			writing: 'Writing'
		} satisfies Record<Stage, string>,
		progressOf: (stage: string, percent?: number) =>
			percent === undefined ? `${stage}…` : `${stage}: ${percent} %`,
		cancelWork: 'Stop',
		cancelledWrite: 'Import cancelled: nothing was written.',
		mapping: 'Map the fields of these records',
		mappingHint:
			'Pick the field that holds each piece of the event. Trama remembers your choice for files with the same fields.',
		mappingNone: '(none)',
		mappable: {
			title: 'Title',
			start: 'Date (start)',
			end: 'End date',
			actors: 'Actors',
			place: 'Place',
			summary: 'Summary',
			tags: 'Tags',
			url: 'Source link',
			confidence: 'Confidence',
			id: 'Id'
		} satisfies Record<Mappable, string>,
		required: 'required',
		newActors: (n: number) => `Creates ${count(n, 'actor', 'actors')}:`,
		matchedActors: (n: number) =>
			`${count(n, 'actor', 'actors')} of the file matched to stored ones by name or alias:`,
		matchLine: (imported: string, existing: string) => `“${imported}” → ${existing}`,
		refusedLine: (imported: string) => `“${imported}” stays a separate actor`,
		chosenLine: (imported: string, existing: string) => `“${imported}” → ${existing} (your choice)`,
		sameAsSummary: 'Is one of them an actor you already have?',
		sameAsNew: 'New actor',
		sameAsStored: 'Is the stored actor',
		sameAsChoose: (name: string) => `It is ${name}`,
		undoMatch: 'Keep separate',
		redoMatch: 'Match again',
		examples: 'Example files:',
		paste: 'Or paste JSON',
		pasteRead: 'Read the pasted JSON',
		pastedName: 'Pasted JSON',
		/** A pasted dataset's first name, with the moment it was pasted (the user's clock). */
		pastedDataset: (when: number) => `Pasted ${formatLocalInstant(when, 'en-GB')}`,
		groups: 'TimelineJS and vis-timeline groups become',
		groupAs: { tag: 'Tags', actor: 'Actors' },
		format: {
			native: 'Trama',
			timelinejs: 'TimelineJS3',
			'vis-timeline': 'vis-timeline',
			records: 'List of records',
			jsonl: 'JSON Lines (one record a line)',
			backup: 'Trama backup (its datasets are added; nothing else changes)',
			unknown: 'Unknown'
		} satisfies Record<DetectedFormat, string>,
		detected: (format: string) => `Format: ${format}`,
		counts: (added: number, changed: number, identical: number, invalid: number) =>
			`${number.format(added)} new · ${number.format(changed)} changed · ${number.format(identical)} identical (skipped) · ${number.format(invalid)} invalid`,
		removed: (n: number) =>
			`${count(n, 'stored event', 'stored events')} of this dataset are not in the file and will go.`,
		intoMany: (datasets: { name: string; existing: boolean }[]) =>
			`Datasets: ${datasets.map((d) => `“${d.name}”${d.existing ? ' (updates it)' : ' (new)'}`).join(', ')}`,
		into: (name: string, existing: boolean) =>
			existing ? `Updates the dataset “${name}”` : `Creates the dataset “${name}”`,
		problemsHeading: (n: number) => `${count(n, 'invalid record', 'invalid records')} (skipped):`,
		more: (n: number) => `…and ${number.format(n)} more`,
		// -- import trust: grouped problems, unassessed events --
		unassessed: (n: number) =>
			`${count(n, 'event states', 'events state')} no confidence: ${n === 1 ? 'it is' : 'they are'} imported as unassessed.`,
		problemGroup: (records: number, reason: string) =>
			`${count(records, 'record', 'records')}: ${reason}`,
		changedFields: (title: string, fields: string) => `${title}: ${fields}`,
		readAsLegacy: 'Read it as Windows-1252',
		readAsNote: '(read as Windows-1252, as you chose)',
		dateNumbers: 'The numbers in the date are',
		dateNumbersChoose: 'Choose…',
		dateNumberKinds: {
			years: 'years (2023, -300)',
			unixSeconds: 'Unix seconds',
			unixMs: 'Unix milliseconds',
			excelDays: 'spreadsheet days (45000)'
		} satisfies Record<DateNumbers, string>,
		dateNumbersGuessed: 'Trama’s guess, from their range.',
		dateNumbersExamples: (examples: string[]) => `For example: ${examples.join('; ')}.`,
		dateNumberExample: (value: number, date: string | undefined) =>
			`${value} → ${date ?? 'no date'}`,
		cannot: 'Cannot be imported:',
		commit: (n: number) => `Import ${count(n, 'event', 'events')}`,
		nothing: 'Nothing to import',
		cancel: 'Cancel',
		done: (n: number, datasets: number) =>
			`Imported ${count(n, 'event', 'events')} into ${count(datasets, 'dataset', 'datasets')}.`,
		failed: (why: Message) => `The import failed and nothing was written: ${say(why)}`
	},
	exporter: {
		open: 'Export & backup…',
		title: 'Export and back up',
		dataHeading: 'Export events',
		what: 'Events',
		selection: (n: number) => `What is shown now (${count(n, 'event', 'events')})`,
		selectionHint:
			'The timeline’s window, the datasets shown, the actor filter, and what the search and facets keep when they hide the rest.',
		dataset: (name: string, n: number) => `${name} (${count(n, 'event', 'events')})`,
		all: (n: number) => `Every dataset (${count(n, 'event', 'events')})`,
		format: 'Format',
		formats: {
			native: 'Trama JSON',
			csv: 'CSV (spreadsheets)',
			timelinejs: 'TimelineJS3 JSON'
		} satisfies Record<'native' | 'csv' | 'timelinejs', string>,
		formatHint: {
			native: 'Everything Trama holds; imports back unchanged.',
			csv: 'One row per event; actors and sources joined with “; ”. Opens in Excel with accents and other scripts intact.',
			timelinejs:
				'Titles, summaries, dates, media with their credits, sources as links in the text, and periods; TimelineJS cannot hold the rest (confidence, relations).'
		} satisfies Record<'native' | 'csv' | 'timelinejs', string>,
		allNativeHint:
			'Every dataset, as one backup file: Import adds its datasets back, Restore replaces everything with it.',
		download: 'Download',
		empty: 'There are no events to export here.',
		picturesHeading: 'Pictures of the views',
		picturesHint:
			'The timeline’s window and the network as they are now, with a caption of the window, datasets and sources.',
		timelineSvg: 'Timeline (SVG)',
		timelinePng: 'Timeline (PNG)',
		networkSvg: 'Network (SVG)',
		networkPng: 'Network (PNG)',
		noNetwork: 'Show the Network tab to take its picture.',
		networkOnCanvas:
			'The network draws every actor on a canvas: its picture is a PNG. For an SVG picture, choose “Draw the busiest” in the network.',
		datasetGone: 'that dataset is gone',
		/** `sources` is undefined while they are being counted. */
		caption: (window: string, datasets: string[], sources: number | undefined) =>
			`${window} · ${datasets.length ? datasets.join(', ') : 'no datasets shown'} · ${sources === undefined ? 'counting sources…' : count(sources, 'source', 'sources')} · Trama`,
		selectionName: (window: string) => `Selection, ${window}`,
		allName: 'All datasets',
		backupHeading: 'Backup',
		storageUse: (used: number, quota: number) =>
			`Trama’s data takes ${bytes(used)} of this browser’s storage; about ${bytes(quota - used)} is left.`,
		storageKept: 'The browser keeps it until you clear it.',
		storageMayClear: 'The browser may clear it when space runs short.',
		storageAsk: 'Ask the browser to keep it',
		storageAskRefused: 'The browser did not agree: keep backups.',
		backupHint:
			'One file with every dataset, actor, period and setting. Browser storage can be cleared by the browser or by you: keep a backup somewhere safe.',
		backup: 'Back up everything',
		restore: 'Restore from a backup…',
		restoreSummary: (when: string, datasets: number, events: number, actors: number) =>
			`This backup, made ${when}, holds ${count(datasets, 'dataset', 'datasets')}, ${count(events, 'event', 'events')} and ${count(actors, 'actor', 'actors')}.`,
		restoreReplaces: (datasets: number, events: number) =>
			`Restoring replaces everything stored now: ${count(datasets, 'dataset', 'datasets')} and ${count(events, 'event', 'events')}.${datasets > 0 ? ' Undo brings them back.' : ''}`,
		restoreConfirm: 'Replace everything',
		restoreCancel: 'Keep what I have',
		restored: (datasets: number, events: number) =>
			`Restored ${count(datasets, 'dataset', 'datasets')} with ${count(events, 'event', 'events')}.`,
		restoreFailed: (why: string) => `Nothing was restored: ${why}`,
		restoreReading: (done: number, total?: number) =>
			total ? `Reading the backup: ${bytes(done)} of ${bytes(total)}…` : 'Reading the backup…',
		restoreWriting: (done: number, total?: number) =>
			total
				? `Restoring: ${number.format(done)} of ${count(total, 'event', 'events')} written…`
				: 'Restoring…',
		restoreStop: 'Stop',
		restoreReadCancelled: 'Reading the backup was stopped. Nothing changed.',
		restoreCancelled: 'The restore was stopped before it finished. Nothing changed.',
		settingsSkipped: (n: number) =>
			`${count(n, 'setting', 'settings')} in the backup ${n === 1 ? 'is' : 'are'} not Trama’s and ${n === 1 ? 'was' : 'were'} left out.`,
		exported: (name: string) => `Downloaded ${name}.`,
		failed: (why: string) => `The export failed: ${why}`,
		close: 'Close'
	},
	network: {
		label: 'Actor network of the timeline’s window',
		tab: 'Network',
		tableTab: 'Table',
		colourBy: 'Colour',
		colour: { kind: 'Kind', country: 'Country' },
		fit: 'Fit',
		legend: 'Legend',
		links: 'Links drawn',
		canvasLabel: (nodes: number, edges: number) =>
			`Actor network of the window: ${count(nodes, 'actor', 'actors')} and ${count(edges, 'link', 'links')} drawn. Each actor below selects it; arrow keys move along the list.`,
		drawAll: 'Draw all',
		drawAllHint: (actors: number, links: number) =>
			`Draw every actor and link of the window (up to ${number.format(actors)} actors and ${number.format(links)} links), on a canvas laid out in the background`,
		drawBusiest: 'Draw the busiest',
		otherCountries: 'Other',
		sizeHint: 'Size: events · width: shared events',
		drawing: 'Drawing the network…',
		summary: (nodes: number, edges: number) =>
			`${count(nodes, 'actor', 'actors')}, ${count(edges, 'link', 'links')} in the window`,
		/** Past the drawing's limits: the busiest are drawn, and the rest counted. */
		summaryPart: (nodes: number, allNodes: number, edges: number, allEdges: number) =>
			`The busiest ${number.format(nodes)} of ${count(allNodes, 'actor', 'actors')}, ${number.format(edges)} of ${count(allEdges, 'link', 'links')} drawn`,
		partHint:
			'Too many to draw readably: the busiest actors and the heaviest links are drawn. Zoom the timeline in, or choose an actor, to see the rest.',
		empty: 'No actors take part in events in this window.',
		emptyFiltered: 'No actor takes part in the events the filter keeps in this window.',
		nodeLabel: (name: string, n: number) => `${name}, ${count(n, 'event', 'events')}`,
		shared: (n: number) => `${count(n, 'shared event', 'shared events')}`,
		unknownActor: (id: string) => `No actor has the id “${id}”.`
	},
	actorPanel: {
		label: 'Actor',
		close: 'Clear the actor selection',
		eventsInWindow: (n: number) => `${count(n, 'event', 'events')} in the window`,
		aliases: 'Also known as',
		connections: 'Connections in the window',
		noConnections: 'No connections in this window.',
		shared: (n: number) => count(n, 'shared event', 'shared events'),
		filter: 'Only these events on the timeline',
		showEvents: 'Show the events',
		hideEvents: 'Hide the events',
		moreConnections: (n: number) => `Show ${count(n, 'more connection', 'more connections')}`
	},
	eventList: {
		more: (n: number, total: number) =>
			`Show ${count(n, 'more event', 'more events')} (of ${number.format(total)})`
	},
	edgePanel: {
		label: 'Link',
		title: (a: string, b: string) => `${a} and ${b}`,
		close: 'Clear the link selection',
		events: (n: number) => `${count(n, 'shared event', 'shared events')} in the window`
	},
	/** The network's layout: the split, the legend of doubtful links, the link's evidence. */
	networkLayout: {
		split: 'Resize the timeline and the network',
		claimsOnly: 'Only claimed or denied events',
		strongest: 'Strongest evidence',
		claimsNote: 'Every event of this link is only claimed or denied.'
	},
	editor: {
		edit: 'Edit',
		editHint: 'Edit this event',
		label: 'Edit event',
		newLabel: 'New event',
		newEvent: 'New event',
		newEventHint: 'Add an event by hand (N)',
		duplicate: 'Duplicate',
		duplicateHint: 'A new event that starts as a copy of this one',
		delete: 'Delete',
		deleteHint: 'Delete this event (it can be undone)',
		copyOf: (title: string) => `${title} (copy)`,
		dataset: 'Dataset',
		newDataset: 'A new dataset…',
		newDatasetName: 'Name of the new dataset',
		datasetNameEmpty: 'The new dataset needs a name',
		noDataset: 'Choose the dataset the event goes into',
		title: 'Title',
		start: 'Start',
		end: 'End',
		endHint: 'Optional',
		dateHint: 'As you would write it: 13 Sept 2023, Sept 2023, 2023, c. 1990, 300 BCE',
		understood: (date: string) => `Read as: ${date}`,
		kind: 'Kind',
		confidence: 'Confidence',
		participants: 'Participants',
		noParticipants: 'No one yet: add the actors the event involves.',
		addParticipant: 'Add a participant',
		actorPlaceholder: 'Name or alias of an actor',
		add: 'Add',
		rolePlaceholder: 'role',
		roleOf: (name: string) => `Role of ${name}`,
		removeParticipant: (name: string) => `Remove ${name}`,
		noSuchActor: (text: string) => `No actor is called “${text}”.`,
		severalActors: (text: string, names: string[], more: boolean) =>
			`Several actors match “${text}” (${names.join(', ')}${more ? '…' : ''}): choose one from the list.`,
		alreadyParticipant: (name: string) => `${name} is a participant already.`,
		participantInRelation: (name: string) => `${name} is in a relation: remove the relation first.`,
		relations: 'Relations',
		relationSource: 'From',
		relationType: 'Relation',
		relationTarget: 'To',
		relationNeedsTwo: 'A relation needs two participants.',
		relationChoose: 'Choose who the relation is from and to.',
		relationSelf: 'A relation needs two different participants.',
		relationTwice: 'That relation is there already.',
		removeRelation: (what: string) => `Remove the relation: ${what}`,
		placeName: 'Place',
		country: 'Country',
		noCountry: '—',
		placeNeedsName: 'A place needs a name as well as a country or coordinates.',
		coordinatesNotNumbers: 'Coordinates are numbers in degrees, as in 43.1 and 131.9',
		coordinatesBoth: 'Give both latitude and longitude, or neither',
		latitude: 'Latitude',
		longitude: 'Longitude',
		earliest: 'No earlier than',
		latest: 'No later than',
		tags: 'Tags',
		addTag: 'Add tags',
		tagPlaceholder: 'Type a tag, then Enter',
		removeTag: (tag: string) => `Remove the tag ${tag}`,
		sources: 'Sources',
		noSources: 'No source yet: cite where the event is reported.',
		sourceN: (n: number) => `Source ${n}`,
		sourceUrl: 'Address (URL)',
		sourceTitle: 'Source title',
		publisher: 'Publisher',
		published: 'Published',
		quote: 'Quote',
		language: 'Language',
		languageHint: 'A tag such as en, es, ru, zh-Hans',
		addSource: 'Add a source',
		removeSource: 'Remove',
		summary: 'Summary',
		notes: 'Notes',
		save: 'Save',
		create: 'Add event',
		saving: 'Saving…',
		cancel: 'Cancel',
		titleEmpty: 'The title is empty',
		startEmpty: 'The start is empty',
		endBeforeStart: 'The end is before the start',
		saved: (title: string) => `Saved “${title}”.`,
		unchanged: (title: string) => `Nothing changed in “${title}”.`,
		created: (title: string) => `Added “${title}”.`,
		deleted: (title: string) => `Deleted “${title}”.`,
		moved: (title: string, date: string) => `Moved “${title}” to ${date}.`
	},
	actors: {
		edit: 'Edit',
		editHint: 'Edit this actor’s name, aliases, kind, country and description',
		merge: 'Merge…',
		mergeHint: 'This actor is the same as another: merge the two',
		delete: 'Delete',
		deleteHint: 'Delete this actor',
		editLabel: (name: string) => `Edit the actor ${name}`,
		name: 'Name',
		aliases: 'Aliases',
		aliasesHint: 'One per line, in any script: Владимир Путин, Vladímir Putin',
		kind: 'Kind',
		country: 'Country',
		description: 'Description',
		save: 'Save',
		cancel: 'Cancel',
		nameEmpty: 'The name is empty',
		saved: (name: string) => `Saved the actor ${name}.`,
		created: (name: string) => `Added the actor ${name}.`,
		unchanged: (name: string) => `Nothing changed in the actor ${name}.`,
		deleted: (name: string, n: number) =>
			n === 0
				? `Deleted the actor ${name}.`
				: `Deleted the actor ${name}, taken out of ${count(n, 'event', 'events')}.`,
		merged: (drop: string, keep: string, n: number) =>
			`Merged ${drop} into ${keep}: ${count(n, 'event', 'events')} changed.`,
		mergeLabel: (name: string) => `Merge ${name} with another actor`,
		mergeFind: 'The actor it is the same as',
		mergeFindPlaceholder: 'Name or alias',
		mergeNone: 'No other actor matches.',
		mergeKeep: 'Keep',
		mergeKeepOne: (name: string) => `Keep ${name}`,
		mergePlan: (n: number, drop: string, keep: string) =>
			n === 0
				? `No event names ${drop}.`
				: n === 1
					? `1 event that names ${drop} will name ${keep}.`
					: `${number.format(n)} events that name ${drop} will name ${keep}.`,
		mergeAliases: (names: string[]) => `${names.join(', ')} will be kept as aliases.`,
		mergeLost: (n: number) =>
			`${count(n, 'relation', 'relations')} between the two will go (it would link the actor to itself).`,
		mergeGone: (name: string) => `${name} will be deleted. Undo brings everything back.`,
		mergeConfirm: 'Merge',
		mergePlanning: 'Reading what the merge would change…',
		deleteLabel: (name: string) => `Delete the actor ${name}?`,
		deleteUnused: (name: string) => `${name} is in no event. It can be deleted.`,
		deleteUsed: (name: string, n: number) =>
			`${name} is named by ${count(n, 'event', 'events')}. Deleting it takes it out of them: their participants and relations.`,
		deleteFromEvents: (n: number) => `Take out of ${count(n, 'event', 'events')} and delete`,
		deleteConfirm: 'Delete actor',
		checking: 'Looking for the events that name it…',
		more: (n: number) => `…and ${number.format(n)} more`,
		createNamed: (name: string) => `Add “${name}” as a new actor`,
		createKind: 'Kind of the new actor'
	},
	history: {
		undo: 'Undo',
		/** A change, named in the undo and redo buttons and notices. */
		change: (kind: ChangeKind, title: string) =>
			({
				'event.edit': `the change to “${title}”`,
				'event.create': `adding “${title}”`,
				'event.delete': `deleting “${title}”`,
				'actor.create': `adding the actor ${title}`,
				'actor.edit': `the change to the actor ${title}`,
				'actor.delete': `deleting the actor ${title}`,
				'actor.merge': `the merge into ${title}`,
				'dataset.delete': `deleting the dataset “${title}”`,
				'dataset.rename': `renaming the dataset “${title}”`,
				'dataset.import': `importing “${title}”`,
				'dataset.restore': `restoring “${title}”`,
				'backup.restore': 'restoring the backup'
			})[kind],
		actorMerged: (date: string) => `Actors merged ${date}`,
		actorDeleted: (date: string) => `An actor was taken out ${date}`,
		undone: (what: string) => `Undid ${what}.`,
		redone: (what: string) => `Redid ${what}.`,
		nothingToUndo: 'Nothing to undo.',
		nothingToRedo: 'Nothing to redo.',
		undoWhat: (what: string) => `Undo ${what} (Ctrl+Z)`,
		heading: 'History',
		imported: (date: string) => `Imported ${date}`,
		importedFrom: (date: string, from: string) => `Imported ${date} from ${from}`,
		defaultData: (date: string) => `Loaded with the default dataset ${date}`,
		pasted: 'pasted text',
		created: (date: string) => `Added ${date}`,
		deleted: (date: string) => `Deleted ${date}`,
		edited: (date: string) => `Changed ${date}`,
		nothingRecorded: 'No change recorded',
		loading: 'Reading the history…',
		circa: 'approximate',
		mediaCount: (n: number) => count(n, 'item', 'items'),
		field: {
			title: 'Title',
			start: 'Start',
			end: 'End',
			uncertainty: 'Uncertainty',
			kind: 'Kind',
			confidence: 'Confidence',
			place: 'Place',
			participants: 'Participants',
			relations: 'Relations',
			tags: 'Tags',
			sources: 'Sources',
			summary: 'Summary',
			notes: 'Notes',
			media: 'Media',
			extra: 'Other fields'
		} satisfies Record<EventField, string>,
		redoWhat: (what: string) => `Redo ${what} (Ctrl+Shift+Z)`
	},
	details: {
		label: 'Event details',
		close: 'Close details',
		zoomTo: 'Zoom to event',
		place: 'Place',
		participants: 'Participants',
		relations: 'Relations',
		tags: 'Tags',
		sources: 'Sources',
		notes: 'Notes',
		none: 'Select an event in the timeline or the table to see its details.',
		loading: 'Opening the event…',
		published: (date: string) => `published ${date}`,
		// -- import trust: media --
		media: 'Media',
		mediaKind: {
			image: 'Image',
			video: 'Video',
			audio: 'Audio',
			tweet: 'Tweet',
			map: 'Map',
			document: 'Document',
			link: 'Link'
		} satisfies Record<MediaKind, string>,
		mediaCredit: (credit: string) => `Credit: ${credit}`,
		mediaLoad: (host: string) => `Load image from ${host}`,
		mediaOpen: (host: string) => `Open on ${host}`,
		mediaFailed: (host: string) => `The image could not be loaded from ${host}.`,
		directed: '→',
		undirected: '—'
	},
	relation: {
		met: 'met',
		visited: 'visited',
		hosted: 'hosted',
		called: 'called',
		wrote_to: 'wrote to',
		negotiated_with: 'negotiated with',
		signed_agreement_with: 'signed an agreement with',
		supplied_weapons_to: 'supplied weapons to',
		sent_troops_to: 'sent troops to',
		provided_service_to: 'provided a service to',
		restricted_service_to: 'restricted a service to',
		accused: 'accused',
		denied: 'denied a claim about',
		denied_contact_with: 'denied contact with',
		rebelled_against: 'rebelled against',
		attacked: 'attacked',
		other: 'linked to'
	} satisfies Record<RelationType, string>,
	confidence: {
		confirmed: 'Confirmed',
		reported: 'Reported',
		claimed: 'Claimed',
		denied: 'Denied',
		unassessed: 'Unassessed'
	} satisfies Record<Confidence, string>,
	confidenceHelp: {
		confirmed: 'Established by official statements of the parties or several independent reports',
		reported: 'Reported by credible media or governments; not confirmed by the parties',
		claimed: 'Asserted by one interested party only',
		denied: 'Publicly denied by a party involved',
		unassessed:
			'Nobody has assessed this claim yet: imports from files that state no confidence (TimelineJS, vis-timeline, most lists of records) get it'
	} satisfies Record<Confidence, string>,
	// -- import trust: the confidence filter --
	confidenceFilter: {
		explain: 'What these mean'
	},
	// ---- Saved searches ------------------------------------------------------------------------
	saved: {
		heading: 'Saved searches',
		save: 'Save this search…',
		saveHint: 'Name the words, the facet choices and the window, to come back to them',
		name: 'Name',
		namePlaceholder: 'e.g. Denied arms deals',
		confirm: 'Save',
		cancel: 'Cancel',
		empty: 'Give the search a name.',
		long: (max: number) => `A name has at most ${number.format(max)} characters.`,
		storage: 'The browser refused to keep it (storage is off or full).',
		saved: (name: string) => `Saved the search “${name}”.`,
		replaced: (name: string) => `Replaced the saved search “${name}”.`,
		shown: (name: string) => `Showing the saved search “${name}”.`,
		removed: (name: string) => `Removed the saved search “${name}”.`,
		remove: (name: string) => `Remove the saved search “${name}”`,
		show: (name: string, what: string) => `Show “${name}”: ${what}`
	},
	// ---- Search and facets: one filter for every view ----------------------------------------
	filter: {
		heading: 'Filter',
		searchLabel: 'Search the events',
		searchPlaceholder: 'Search events, actors, places…',
		searchHelp:
			'All words must match. "A phrase" as written, -word to leave out, actor:, tag: or place: for one field. Press / or Ctrl+K to search.',
		results: (n: number, more: boolean) =>
			more ? `The best ${count(n, 'match', 'matches')}` : count(n, 'match', 'matches'),
		noResults: 'No event matches these words.',
		noResultsChosen: 'No event the facets keep matches these words.',
		light: (n: number) =>
			`With more than ${number.format(n)} events shown, words are looked for in titles, places, tags and actors’ names only (the full text would not fit in memory).`,
		showing: (shown: number, total: number) =>
			`${number.format(shown)} of ${count(total, 'event', 'events')}`,
		all: (total: number) => `All ${count(total, 'event', 'events')}`,
		clear: 'Clear all',
		/** The next step an empty view offers when the filter is what left it empty. */
		clearFilter: 'Clear the filter',
		clearHint: 'Clear the words and every choice: show every event of the datasets shown',
		clearFacet: 'Clear',
		chosen: (n: number) => `${number.format(n)} chosen`,
		indexing: (percent: number) => `Indexing the events for search… ${number.format(percent)}%`,
		waiting: 'Counting…',
		failed: (message: string) => `The filter could not answer: ${message}`,
		facet: {
			dataset: 'Dataset',
			confidence: 'Confidence',
			kind: 'Event kind',
			actor: 'Actor',
			actorKind: 'Actor kind',
			country: 'Country',
			tag: 'Tag',
			publisher: 'Source publisher',
			precision: 'Date precision',
			coords: 'Place on a map'
		},
		precision: { year: 'Year only', month: 'Month', day: 'Day', time: 'Time of day' },
		coords: { yes: 'Has coordinates', no: 'No coordinates' },
		valueCount: (n: number) => `(${number.format(n)})`,
		findValue: (facet: string) => `Find a value of “${facet}”`,
		showMore: (n: number) => `Show ${number.format(n)} more`,
		showFewer: 'Show fewer',
		notListed: (n: number) =>
			`${count(n, 'other value', 'other values')} not listed: narrow the filter to see them`,
		badLink: 'an unknown facet in the filter',
		modeLabel: 'Left out:',
		mode: { hide: 'Hide', dim: 'Fade' },
		modeHint: {
			hide: 'Events the filter leaves out leave every view',
			dim: 'The timeline and the table fade the events the filter leaves out; the network and the counts show every event'
		},
		describeWords: (text: string) => `“${text}”`,
		describeFacet: (facet: string, values: readonly string[]) => `${facet}: ${values.join(', ')}`
	},
	actorKind: {
		person: 'Person',
		state: 'State',
		organisation: 'Organisation',
		company: 'Company'
	} satisfies Record<ActorKind, string>,
	eventKind: {
		state_visit: 'State visit',
		official_visit: 'Official visit',
		summit: 'Summit',
		meeting: 'Meeting',
		call: 'Call',
		correspondence: 'Correspondence',
		agreement: 'Agreement',
		arms_transfer: 'Arms transfer',
		deployment: 'Deployment',
		conflict: 'Conflict',
		statement: 'Statement',
		report: 'Report',
		denial: 'Denial',
		other: 'Other'
	} satisfies Record<EventKind, string>,
	// ---- The timeline's legend, lanes for events without actors --------------------------------
	legend: {
		toggle: 'Legend',
		title: 'How to read the timeline',
		close: 'Close the legend',
		colour: 'Colour: confidence',
		marks: 'Marks',
		sample: 'Event',
		point: 'A dot: an event too short to draw as a span at this zoom',
		imprecise: 'Hatched: dated to the month or the year only',
		uncertain: 'Dotted edge, italic title: an approximate date (circa, or between bounds)',
		denied: 'Hollow, struck through: denied; shown, but not as fact',
		cluster: 'Several events too close together to draw apart at this zoom; click to zoom in',
		dimmed:
			'Faded: not part of the actor or link selected in the network, or left out by the filter when it fades',
		otherTags: (n: number) => `Other tags (${number.format(n)})`,
		noTag: 'No tag',
		lanesBy: { tag: 'Lanes by tag', kind: 'Lanes by kind', none: 'One lane' },
		fallbackWhy:
			'Most of these events have no actors, so their lanes follow tags or kinds. To see actors, import the file again choosing that groups become actors.',
		networkNoActors:
			'These events have no actors, so there is no network to draw. If the file’s groups name actors, import it again and choose that groups become “Actors”.'
	},
	// Window navigation: fitting the window to an actor's events.
	windowNav: {
		fitActor: 'Fit to this actor’s events',
		fitActorHint: (n: number) =>
			n === 0
				? 'None of the events shown involve this actor'
				: `Show all ${count(n, 'event', 'events')} of this actor on the timeline`
	},
	// ---- The table's scope, the empty dashboard, the datasets' loading state, reports ----
	tableScope: {
		/** "12 of 81 events" is said by `table.showing`; this names what limits it. */
		label: 'What the table lists',
		window: (dates: string) => `the window ${dates}`,
		link: (a: string, b: string) => `${a} – ${b}`,
		hidden: (names: readonly string[]) =>
			names.length === 1
				? `“${names[0]}” hidden`
				: `${count(names.length, 'dataset', 'datasets')} hidden`,
		filter: (what: string) => `the filter (${what})`,
		query: (query: string) => `“${query}”`,
		showAll: 'Show all',
		showAllHint: 'List every event of the datasets shown, whatever the window and the actor filter',
		follow: 'Follow the views',
		followHint: 'List only what the timeline and the network show',
		noneInScopeTitle: 'No event here',
		noneInScopeBody: (limits: string) => `Nothing is left once the table follows ${limits}.`,
		allHiddenTitle: 'Every dataset is hidden',
		allHiddenBody: 'Tick a dataset in the list on the left to show its events again.'
	},
	emptyDashboard: {
		title: 'No events to show',
		body: 'There are no datasets in this browser yet, or every one was deleted. Import a file, add an event by hand, or bring back the dataset Trama ships with.',
		import: 'Import…',
		newEvent: 'Add an event',
		restore: 'Restore the default dataset'
	},
	datasetsLoading: 'Opening the datasets…',
	datasetsFailed: 'The datasets could not be opened.',
	/** Messages from the model, the importers and the store: see `render.ts`. */
	...language
};

export type Messages = typeof en;
