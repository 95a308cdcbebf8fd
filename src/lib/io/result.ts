/**
 * What every importer returns: the records that are valid, as a native file, and a problem for
 * each record that is not, with its path in the input and the reason. Nothing is written here.
 */
import { actorsUsedBy } from '../model/events';
import type { FormatName } from '../model/import';
import { MAX_EXTRA_DEPTH, jsonValueProblem } from '../model/json';
import { msg } from '../model/messages';
import {
	eventSchema,
	FORMAT_NAME,
	FORMAT_VERSION,
	nativeFileSchema,
	periodSchema,
	type NativeFile,
	type NativeFileInput,
	type TramaEventInput,
	type TramaEvent,
	type Period
} from '../model/schema';
import { foldAccents } from '../model/text';
import { validate, type Problem } from '../model/validate';

export type { FormatName };

export interface ImportResult {
	format: FormatName;
	/** The valid records, ready to be written (nothing is written until the user confirms). */
	file: NativeFile;
	/** One or more problems per refused record. */
	problems: Problem[];
	/** How many records the input held. */
	total: number;
}

/** A stable short hash (FNV-1a, 32 bits, base 36): ids for records a format gives none. */
export function stableHash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(36);
}

/**
 * Validates converted events one by one. `origin(i)` is the path of record i in the input, so a
 * problem reads `events[12].start_date.month: 13 is not a month`; `field` maps a model field to
 * the input's name for it. Duplicate ids inside one input are problems too.
 */
export function validateEvents(
	candidates: {
		index: number;
		input: TramaEventInput | undefined;
		problems: Problem[];
		/** The input has no id: the importer made one from its title and date. */
		generatedId?: boolean;
	}[],
	origin: (index: number) => string,
	field: (modelPath: string) => string = (p) => p,
	onProgress?: (done: number, total: number) => void
): { events: TramaEvent[]; problems: Problem[] } {
	const events: TramaEvent[] = [];
	const problems: Problem[] = [];
	const firstIndex = new Map<string, number>();
	for (const [n, c] of candidates.entries()) {
		if (onProgress && n % 500 === 0) onProgress(n, candidates.length);
		if (c.problems.length || !c.input) {
			problems.push(...c.problems);
			// Nothing in its place (null, a number…): said, not just counted.
			if (!c.problems.length)
				problems.push({ path: origin(c.index), message: msg('import.eventNotObject') });
			continue;
		}
		const result = validate(eventSchema, c.input);
		if (!result.ok) {
			for (const p of result.problems) {
				problems.push({ path: joinPath(origin(c.index), field(p.path)), message: p.message });
			}
			continue;
		}
		const event = result.value;
		const seen = firstIndex.get(event.id);
		if (seen !== undefined) {
			// An id the importer made (from the title and date) is not in the user's file: say what is.
			problems.push(
				c.generatedId
					? { path: origin(c.index), message: msg('import.sameRecord', { first: origin(seen) }) }
					: {
							path: joinPath(origin(c.index), field('id')),
							message: msg('import.idTwice', { id: event.id, first: origin(seen) })
						}
			);
			continue;
		}
		firstIndex.set(event.id, c.index);
		events.push(event);
	}
	return { events, problems };
}

export function validatePeriods(
	inputs: { index: number; input: unknown }[],
	origin: (index: number) => string
): { periods: Period[]; problems: Problem[] } {
	const periods: Period[] = [];
	const problems: Problem[] = [];
	for (const { index, input } of inputs) {
		const result = validate(periodSchema, input);
		if (result.ok) periods.push(result.value);
		else
			for (const p of result.problems)
				problems.push({ path: joinPath(origin(index), p.path), message: p.message });
	}
	return { periods, problems };
}

/** What an importer has converted, to be assembled into a native file. */
export interface Converted {
	/** When the input names its dataset itself; else it is the one the user was told. */
	dataset?: NativeFileInput['dataset'];
	/** Every actor the conversion made; only those the valid events use are kept. */
	actors: NonNullable<NativeFileInput['actors']>;
	periods?: Period[];
	/** The events that passed {@link validateEvents}. */
	events: TramaEvent[];
}

/**
 * The end every importer shares: the native file of the valid events and the actors they use,
 * checked by the native schema once more before anyone sees it. Should that refuse it, the
 * result is an empty dataset (named as the user was told) with the schema's problems added.
 */
export function toImportResult(
	format: FormatName,
	converted: Converted,
	problems: Problem[],
	total: number,
	options: { datasetId: string; datasetName: string }
): ImportResult {
	const told = { id: options.datasetId, name: options.datasetName };
	const used: ReadonlySet<string> = actorsUsedBy(converted.events);
	const checked = validate(nativeFileSchema, {
		format: FORMAT_NAME,
		version: FORMAT_VERSION,
		dataset: converted.dataset ?? told,
		actors: converted.actors.filter((a) => used.has(a.id)),
		...(converted.periods ? { periods: converted.periods } : {}),
		events: converted.events
	});
	if (checked.ok) return { format, file: checked.value, problems, total };
	const empty = nativeFileSchema.parse({
		format: FORMAT_NAME,
		version: FORMAT_VERSION,
		dataset: told,
		events: []
	});
	return { format, file: empty, problems: [...problems, ...checked.problems], total };
}

/**
 * The `extra` field of a converted event: the fields the model has no place for, as plain JSON
 * (undefined values dropped), or nothing when there are none.
 */
export function extraField(extra: Record<string, unknown>): { extra?: Record<string, never> } {
	if (!Object.keys(extra).length) return {};
	// A value too deep to copy safely goes on as it is: the model's check refuses this record
	// with the field's path, and the file's other records are kept.
	if (jsonValueProblem(extra, MAX_EXTRA_DEPTH + 1) === 'deep')
		return { extra: extra as Record<string, never> };
	return { extra: JSON.parse(JSON.stringify(extra)) as Record<string, never> };
}

/** A JSON object (not an array, not null). */
export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** A lower-case, accent-free, dash-separated form of a name, for ids ("Grupo Wagner" → "grupo-wagner"). */
export function slug(text: string): string {
	return (
		foldAccents(text)
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || stableHash(text)
	);
}

/** An id longer than this is shortened, with a hash of the whole text to keep it unique. */
const MAX_MADE_ID = 120;

/**
 * An id made from a name ("group-eastern-economic-forum"), always short enough for the model
 * (ids are at most 200 characters): a long name's slug is cut and a short hash of the whole name
 * added, so two long names that begin alike still get two ids.
 */
export function madeId(prefix: string, name: string): string {
	const id = `${prefix}-${slug(name)}`;
	return id.length <= MAX_MADE_ID ? id : `${id.slice(0, MAX_MADE_ID - 9)}-${stableHash(name)}`;
}

/**
 * Sets a field as the object's own, whatever its name: `__proto__` from a file is a field like
 * any other, never the object's prototype (plain assignment would make it one).
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
	Object.defineProperty(target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true
	});
}

export const joinPath = (a: string, b: string) =>
	b === '' ? a : a === '' ? b : b.startsWith('[') ? a + b : `${a}.${b}`;
