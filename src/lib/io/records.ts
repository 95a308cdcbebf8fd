/**
 * A plain JSON list of records in no known format, e.g. `[{ "headline": …, "when": …, "who": … }]`.
 * The user says which field is the title, the date, the actors…; Trama guesses a first mapping
 * from the field names. Fields left unmapped are kept in each event's `extra`. A record's
 * confidence is what its confidence field says, when the file has one; without it the record is
 * `unassessed` (Trama does not judge a claim for the file).
 */
import { parseLooseDate, type DateResult } from '../model/dates';
import { guessDateNumbers, numberToDate, type DateNumbers } from './date-numbers';
import { fieldMappingSchema, MAPPABLE, type FieldMapping, type Mappable } from '../model/import';
import { MAX_EXTRA_DEPTH, jsonValueProblem } from '../model/json';
import { msg } from '../model/messages';
import type { Confidence, TramaEventInput } from '../model/schema';
import { CONFIDENCES } from '../model/vocab';
import type { Problem } from '../model/validate';
import { htmlToText } from './html';
import {
	isObject,
	madeId,
	setOwn,
	stableHash,
	validateEvents,
	toImportResult,
	type ImportResult,
	extraField
} from './result';

export { fieldMappingSchema, MAPPABLE, type FieldMapping, type Mappable };

export interface RecordField {
	name: string;
	/** How many records have a value in it. */
	filled: number;
	/** A short example value, as text. */
	sample: string;
}

export interface RecordsOptions {
	datasetId: string;
	datasetName: string;
	/** The title and the date must be mapped (the dialog asks for them before converting). */
	mapping: FieldMapping & { title: string; start: string };
	/** Where each record is in the input, for problems: `[3]` (the default), `line 12`… */
	at?: (index: number) => string;
	/** The format to name: a list of records, or JSON Lines (one record a line). */
	format?: 'records' | 'jsonl';
	onProgress?: (done: number, total: number) => void;
	/** What the numbers of the date columns are (the user's choice; else guessed from them). */
	dateNumbers?: DateNumbers;
}

/** The numbers of the mapped date columns, and what they are taken to be (see `date-numbers`). */
export interface DateNumbersInfo {
	/** The choice in force: the user's, else the guess; undefined when nothing fits them all. */
	kind?: DateNumbers;
	guessed: boolean;
	/** Two of the numbers, each with the date it makes under `kind` (or none). */
	examples: { value: number; date?: string }[];
}

/** The numbers in a list of records' date columns: what they are, and two examples converted. */
export function dateNumbersOf(
	records: readonly unknown[],
	mapping: Pick<FieldMapping, 'start' | 'end'>,
	chosen?: DateNumbers
): DateNumbersInfo | undefined {
	const numbers: number[] = [];
	for (const raw of records) {
		if (!isObject(raw)) continue;
		for (const name of [mapping.start, mapping.end])
			if (name !== undefined && typeof raw[name] === 'number') numbers.push(raw[name]);
	}
	if (numbers.length === 0) return undefined;
	const kind = chosen ?? guessDateNumbers(numbers);
	const examples = [...new Set([numbers[0]!, numbers.at(-1)!])].map((value) => {
		const date = kind === undefined ? undefined : numberToDate(value, kind);
		return { value, ...(date?.ok ? { date: date.value } : {}) };
	});
	return { ...(kind ? { kind } : {}), guessed: chosen === undefined, examples };
}

/** The fields the records use, in order of first appearance, with how often each is filled. */
export function fieldsOf(records: readonly unknown[]): RecordField[] {
	const fields = new Map<string, RecordField>();
	for (const record of records.slice(0, 1000)) {
		if (!isObject(record)) continue;
		for (const [name, value] of Object.entries(record)) {
			let field = fields.get(name);
			if (!field) fields.set(name, (field = { name, filled: 0, sample: '' }));
			if (value === null || value === undefined || value === '') continue;
			field.filled++;
			if (!field.sample) field.sample = sampleOf(value);
		}
	}
	return [...fields.values()];
}

function sampleOf(value: unknown): string {
	// A value too deep to write out (a hostile file) has no sample: its record says why.
	if (jsonValueProblem(value, MAX_EXTRA_DEPTH) === 'deep') return '…';
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Field names people commonly use for each model field, most likely first. */
const HINTS: Record<Mappable, string[]> = {
	title: ['title', 'headline', 'name', 'event', 'label', 'subject', 'content', 'caption'],
	start: [
		'start',
		'start_date',
		'startdate',
		'date',
		'when',
		'time',
		'timestamp',
		'begin',
		'from',
		'year',
		'datetime'
	],
	end: ['end', 'end_date', 'enddate', 'until', 'to', 'finish'],
	actors: [
		'actors',
		'participants',
		'people',
		'persons',
		'who',
		'actor',
		'parties',
		'countries',
		'entities'
	],
	place: ['place', 'location', 'city', 'where', 'venue', 'site'],
	summary: ['summary', 'description', 'text', 'details', 'body', 'notes', 'abstract'],
	tags: ['tags', 'categories', 'category', 'topics', 'topic', 'keywords', 'type'],
	url: ['url', 'link', 'source', 'source_url', 'href', 'sources'],
	confidence: ['confidence', 'certainty'],
	id: ['id', 'uid', 'uuid', 'unique_id', 'key', 'identifier']
};

const squash = (name: string) => name.toLowerCase().replace(/[\s-]+/g, '_');

/** A first mapping from the field names; the user corrects it in the dialog. */
export function guessMapping(fields: readonly RecordField[]): FieldMapping {
	const mapping: FieldMapping = {};
	const taken = new Set<string>();
	for (const target of MAPPABLE) {
		for (const hint of HINTS[target]) {
			const field = fields.find(
				(f) =>
					!taken.has(f.name) &&
					(squash(f.name) === hint || squash(f.name) === hint.replace('_', ''))
			);
			if (field) {
				mapping[target] = field.name;
				taken.add(field.name);
				break;
			}
		}
	}
	return mapping;
}

/** The key under which a mapping is remembered: the set of field names, sorted. */
export function mappingKey(fields: readonly RecordField[]): string {
	return fields
		.map((f) => f.name)
		.sort()
		.join('\u0001');
}

/**
 * A remembered mapping read back for records with these fields, or nothing when it is not a
 * mapping or names a field the records do not have: then the guess stands.
 */
export function readMapping(
	json: unknown,
	fields: readonly RecordField[]
): FieldMapping | undefined {
	const checked = fieldMappingSchema.safeParse(json);
	if (!checked.success) return undefined;
	const names = new Set(fields.map((f) => f.name));
	return Object.values(checked.data).every((name) => names.has(name)) ? checked.data : undefined;
}

/**
 * A date as records write it: ISO text, a year with its era ("300 BCE"), or a number, read as
 * its column's numbers are (see `date-numbers.ts`: years, where -300 is 300 BCE as spreadsheets
 * and TimelineJS3 write it; Unix seconds or milliseconds; spreadsheet days).
 */
function dateOf(value: unknown, numbers: DateNumbers | undefined): DateResult {
	if (typeof value !== 'number') return parseLooseDate(value);
	// A number is what its column's numbers are, or a question for the user.
	if (numbers === undefined)
		return { ok: false, error: msg('import.dateNumbersUnknown', { value: String(value) }) };
	return numberToDate(value, numbers);
}

/** Names from a value: a list, a text split on ; or , or |, or objects with a name. */
function namesIn(value: unknown): string[] {
	const list = Array.isArray(value) ? value : [value];
	const names: string[] = [];
	for (const item of list) {
		if (typeof item === 'string') names.push(...item.split(/[;,|]/));
		else if (typeof item === 'number') names.push(String(item));
		else if (isObject(item) && typeof item.name === 'string') names.push(item.name);
	}
	return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

/** A confidence as a record writes it: one of the model's words, in any case, trimmed. */
function confidenceOf(value: unknown): Confidence | undefined {
	if (typeof value !== 'string') return undefined;
	const word = value.trim().toLowerCase();
	return CONFIDENCES.find((c) => c === word);
}

function textOf(value: unknown): string {
	if (typeof value === 'string') return htmlToText(value).text;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

export function fromRecords(json: unknown[], options: RecordsOptions): ImportResult {
	const { mapping } = options;
	const at = options.at ?? ((i: number) => `[${i}]`);
	const actors = new Map<string, { id: string; name: string; kind: 'organisation'; aliases: [] }>();
	const mapped = new Set(Object.values(mapping));
	const numbers = dateNumbersOf(json, mapping, options.dateNumbers)?.kind;
	const candidates = json.map((raw, index) => {
		const problems: Problem[] = [];
		if (!isObject(raw)) {
			problems.push({ path: at(index), message: msg('import.recordNotObject') });
			return { index, input: undefined, problems };
		}
		const field = (target: Mappable) => {
			const name = mapping[target];
			const value = name === undefined ? undefined : raw[name];
			return value === null || value === '' ? undefined : value;
		};
		const path = (target: Mappable) => `${at(index)}.${mapping[target] ?? target}`;
		const title = textOf(field('title'));
		if (!title)
			problems.push({ path: path('title'), message: msg('schema.empty', { field: 'title' }) });
		const rawStart = field('start');
		const start = rawStart === undefined ? undefined : dateOf(rawStart, numbers);
		if (!start) problems.push({ path: path('start'), message: msg('date.empty') });
		else if (!start.ok) problems.push({ path: path('start'), message: start.error });
		const rawConfidence = field('confidence');
		const confidence = confidenceOf(rawConfidence);
		if (rawConfidence !== undefined && confidence === undefined)
			problems.push({
				path: path('confidence'),
				message: msg('import.notAConfidence', {
					value: JSON.stringify(rawConfidence),
					allowed: [...CONFIDENCES]
				})
			});
		const rawEnd = field('end');
		const end = rawEnd === undefined ? undefined : dateOf(rawEnd, numbers);
		if (end && !end.ok) problems.push({ path: path('end'), message: end.error });
		if (problems.length || !start?.ok || (end && !end.ok))
			return { index, input: undefined, problems };

		const participants: TramaEventInput['participants'] = [];
		for (const name of namesIn(field('actors'))) {
			const id = madeId('actor', name);
			if (participants.some((p) => p.actor === id)) continue;
			actors.set(id, { id, name: name.slice(0, 300), kind: 'organisation', aliases: [] });
			participants.push({ actor: id });
		}
		const place = textOf(field('place'));
		const summary = textOf(field('summary'));
		const url = field('url');
		const sources = namesIn(url)
			.filter((u) => /^https?:\/\//i.test(u))
			.map((u) => ({ url: u }));
		const extra: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(raw)) if (!mapped.has(key)) setOwn(extra, key, value);
		if (typeof url === 'string' && sources.length === 0) extra[mapping.url ?? 'url'] = url;
		const rawId = field('id');
		const id =
			typeof rawId === 'string' || typeof rawId === 'number'
				? String(rawId)
				: `rec-${stableHash(`${title}\u0000${start.value}`)}`;
		const input: TramaEventInput = {
			id,
			title: title.slice(0, 500),
			...(summary ? { summary: summary.slice(0, 5000) } : {}),
			start: start.value,
			...(end?.ok && end.value !== start.value ? { end: end.value } : {}),
			...(place ? { place: { name: place.slice(0, 300) } } : {}),
			participants,
			tags: namesIn(field('tags')).map((t) => t.slice(0, 100)),
			sources,
			kind: 'other',
			confidence: confidence ?? 'unassessed',
			...extraField(extra)
		};
		return {
			index,
			input,
			problems,
			generatedId: typeof rawId !== 'string' && typeof rawId !== 'number'
		};
	});
	const field = (modelPath: string) => {
		// Fields no target took are kept in `extra` under their own names: the file's path is theirs.
		if (modelPath.startsWith('extra.')) return modelPath.slice('extra.'.length);
		const head = modelPath.split(/[.[]/)[0] as Mappable;
		return mapping[head] ? modelPath.replace(head, mapping[head]) : modelPath;
	};
	const { events, problems } = validateEvents(candidates, at, field, options.onProgress);
	const converted = { actors: [...actors.values()], events };
	return toImportResult(options.format ?? 'records', converted, problems, json.length, options);
}
