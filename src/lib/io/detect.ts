/**
 * One entry for every JSON a user brings: read the text, detect the format, convert and
 * validate record by record. Nothing is written: the result is what a preview shows.
 */
import type { DetectedFormat } from '../model/import';
import { msg, type Message } from '../model/messages';
import { FORMAT_NAME, nativeFileSchema, type TramaEventInput } from '../model/schema';
import { parseNativeFile, validate, type Problem } from '../model/validate';
import { isBackup } from './backup';
import { parseJsonText } from './json';
import { linePath, type JsonLines } from './lines';
import { isObject, type ImportResult, type Json, validateEvents, validatePeriods } from './result';
import {
	dateNumbersOf,
	fieldsOf,
	fromRecords,
	guessMapping,
	mappingKey,
	readMapping,
	type DateNumbersInfo,
	type FieldMapping,
	type RecordField
} from './records';
import type { DateNumbers } from './date-numbers';
import { fromTimelineJs, isTimelineJs } from './timelinejs';
import { fromVisTimeline, isVisTimeline } from './vis';

/**
 * The largest file Trama reads. It is read as a stream and parsed as it arrives, in a worker, off
 * the page: what is held is the parsed records, never the whole text besides.
 */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;

export interface ImportOptions {
	/** What TimelineJS and vis-timeline groups become. */
	group: 'tag' | 'actor';
	datasetId: string;
	datasetName: string;
	/** For a plain list of records: which field is the title, the date… (guessed when absent). */
	mapping?: FieldMapping;
	/** For a plain list of records: what the numbers in its date columns are (else guessed). */
	dateNumbers?: DateNumbers;
	/**
	 * Mappings the user chose before, by the key of the fields they were for (see `mappingKey`):
	 * a list of records with the same fields is read through its mapping (if it still fits)
	 * before any guess.
	 */
	remembered?: Readonly<Record<string, unknown>>;
	/** Called while records are validated. */
	onProgress?: (done: number, total: number) => void;
}

/** The size limit, as a message: "the file is 573.2 MB; Trama reads files up to 500 MB". */
export function tooLarge(bytes: number): Message {
	return msg('import.tooLarge', { bytes, limit: MAX_FILE_BYTES });
}

export type { DetectedFormat };

export function detectFormat(json: unknown): DetectedFormat {
	if (isObject(json) && json.format === FORMAT_NAME) return 'native';
	if (isTimelineJs(json)) return 'timelinejs';
	if (isVisTimeline(json)) return 'vis-timeline';
	if (Array.isArray(json) && json.length > 0 && json.every(isObject)) return 'records';
	return 'unknown';
}

/**
 * True for a TimelineJS 2 (legacy) file: `{ "timeline": { "date": [{ "startDate": "2012,1,26" }] } }`.
 * Trama names it, so that its refusal says what it is and what to do.
 */
export function isTimelineJs2(json: unknown): boolean {
	if (!isObject(json) || !isObject(json.timeline)) return false;
	const { date, era } = json.timeline;
	return Array.isArray(date) || Array.isArray(era) || 'startDate' in json.timeline;
}

/** For a plain list of records: its fields and the mapping used (or to be chosen). */
export interface RecordsInfo {
	fields: RecordField[];
	mapping: FieldMapping;
	/** The fields' key (see `mappingKey`), under which the user's mapping is remembered. */
	key: string;
	/** When the date columns hold numbers: what they are taken to be, with two examples. */
	dateNumbers?: DateNumbersInfo;
}

export type ReadResult =
	| { ok: true; result: ImportResult; records?: RecordsInfo }
	| { ok: false; error: Message; format?: DetectedFormat; records?: RecordsInfo };

/** Reads a file's text through to a preview, or says in one message why it cannot. */
export function readImport(text: string, options: ImportOptions): ReadResult {
	if (text.length > MAX_FILE_BYTES) return { ok: false, error: tooLarge(text.length) };
	const parsed = parseJsonText(text);
	if (!parsed.ok) return { ok: false, error: parsed.error };
	return convertImport(parsed.value, options);
}

/** Converts parsed JSON, whatever its format, to validated native records. Nothing is written. */
export function convertImport(json: unknown, options: ImportOptions): ReadResult {
	const format = detectFormat(json);
	switch (format) {
		case 'native':
			return fromNative(json, options.onProgress);
		case 'timelinejs':
			return { ok: true, result: fromTimelineJs(json, options) };
		case 'vis-timeline':
			return { ok: true, result: fromVisTimeline(json, options) };
		case 'records':
			return recordList(json as unknown[], options, 'records', (i) => `[${i}]`);
		default:
			if (isBackup(json)) return { ok: false, format, error: msg('import.isBackup') };
			if (isTimelineJs2(json)) return { ok: false, error: msg('import.timelineJs2') };
			return {
				ok: false,
				format,
				error:
					Array.isArray(json) && json.length === 0
						? msg('import.emptyList')
						: msg('import.unknownFormat')
			};
	}
}

/**
 * A plain list of records, read through the field mapping (guessed when the user has not chosen
 * one); `at` names where each record is in the input.
 */
function recordList(
	records: unknown[],
	options: ImportOptions,
	format: 'records' | 'jsonl',
	at: (index: number) => string
): ReadResult {
	const fields = fieldsOf(records);
	const key = mappingKey(fields);
	const known = options.remembered?.[key];
	const mapping =
		options.mapping ??
		(known === undefined ? undefined : readMapping(known, fields)) ??
		guessMapping(fields);
	if (!mapping.title || !mapping.start) {
		return {
			ok: false,
			format,
			records: { fields, mapping, key },
			error: msg('import.chooseFields')
		};
	}
	const numbers = dateNumbersOf(records, mapping, options.dateNumbers);
	return {
		ok: true,
		records: { fields, mapping, key, ...(numbers ? { dateNumbers: numbers } : {}) },
		result: fromRecords(records, {
			...options,
			format,
			at,
			mapping: { ...mapping, title: mapping.title, start: mapping.start }
		})
	};
}

/** The line a problem's path names (`line 12.title` → 12), or none. */
const lineOfPath = (path: string) => Number(/^line (\d+)/.exec(path)?.[1] ?? Infinity);

/**
 * JSON Lines: each line a record of a list of records (see `lines.ts`). A line that is not JSON
 * is an invalid record like any other: reported with its line number, and the rest is imported.
 */
export function convertLines(lines: JsonLines, options: ImportOptions): ReadResult {
	const { values, lineOf, problems: lineProblems } = lines;
	if (values.length === 0) {
		return {
			ok: false,
			format: 'jsonl',
			error: lineProblems.length
				? msg('import.invalidFile', { problems: lineProblems.slice(0, 3) })
				: msg('json.empty')
		};
	}
	const read = recordList(values, options, 'jsonl', (i) => linePath(lineOf[i] ?? i + 1));
	if (!read.ok) return read;
	const problems = [...lineProblems, ...read.result.problems].sort(
		(a, b) => lineOfPath(a.path) - lineOfPath(b.path)
	);
	return {
		...read,
		result: { ...read.result, problems, total: values.length + lineProblems.length }
	};
}

/** A native file, validated record by record so the valid ones can be imported on their own. */
function fromNative(json: unknown, onProgress?: (done: number, total: number) => void): ReadResult {
	// The marker and version first: a newer version gets one clear message.
	const head = parseNativeFile(json);
	const marker = head.ok
		? undefined
		: head.problems.find((p) => p.path === 'format' || p.path === 'version' || p.path === '');
	if (marker) return { ok: false, format: 'native', error: marker.message };
	if (head.ok)
		return {
			ok: true,
			result: { format: 'native', file: head.value, problems: [], total: head.value.events.length }
		};
	const root = json as Json;
	// Events that are not a list: nothing to import, and the one reason why.
	if (root.events !== undefined && !Array.isArray(root.events))
		return {
			ok: false,
			format: 'native',
			error: msg('import.invalidFile', {
				problems: [{ path: 'events', message: msg('import.notAList') }]
			})
		};
	const rawEvents = Array.isArray(root.events) ? (root.events as unknown[]) : [];
	const { events, problems } = validateEvents(
		rawEvents.map((input, index) => ({
			index,
			input: input as TramaEventInput,
			problems: [] as Problem[]
		})),
		(i) => `events[${i}]`,
		undefined,
		onProgress
	);
	const periods = validatePeriods(
		(Array.isArray(root.periods) ? (root.periods as unknown[]) : []).map((input, index) => ({
			index,
			input
		})),
		(i) => `periods[${i}]`
	);
	const checked = validate(nativeFileSchema, { ...root, events, periods: periods.periods });
	if (!checked.ok) {
		// What is wrong is outside the events (the dataset, the actors): nothing can be imported.
		return {
			ok: false,
			format: 'native',
			error: msg('import.invalidFile', { problems: head.problems.slice(0, 3) })
		};
	}
	return {
		ok: true,
		result: {
			format: 'native',
			file: checked.value,
			problems: [...problems, ...periods.problems],
			total: rawEvents.length
		}
	};
}
