/**
 * The import pipeline, from bytes to a preview and from a preview to one transaction. It runs in
 * the import worker (see `src/lib/import/`), so a file of hundreds of megabytes is read and
 * parsed as it arrives, then validated, compared and written off the page; only the small preview
 * summary crosses back. It is given its store (see `ImportStore`) and touches neither the DOM nor the database itself,
 * so unit tests drive it directly against the repository on fake-indexeddb.
 */
import { messageOf } from '../model/errors';
import { groupProblems, type ProblemGroup } from '../model/issues';
import type { Stage } from '../model/import';
import { msg, type Message } from '../model/messages';
import type { Actor, Dataset, DatasetId, NativeFile, Origin, TramaEvent } from '../model/schema';
import type { Problem } from '../model/validate';
import { checkBackup, filesOf, isBackup } from './backup';
import { diffEvents, type ChangedEvent } from './diff';
import { convertImport, convertLines, type DetectedFormat, type RecordsInfo } from './detect';
import type { JsonLines } from './lines';
import { applyMatches, matchActors, type ActorMatch } from './match';
import { ImportError } from './import-error';
import { LINES_NAME, readInput, type LegacyEncoding } from './read';
import type { DateNumbers } from './date-numbers';
import type { FieldMapping } from './records';
import { slug, stableHash } from './result';
import { nameOfUrl, openUrl, webPage } from './url';

/**
 * What the pipeline asks of the store, and nothing more: the repository satisfies it as it is,
 * so io and db need not know each other.
 */
export interface ImportStore {
	actors(): Promise<Actor[]>;
	datasets(): Promise<Dataset[]>;
	/** The events of one dataset as the model has them. */
	datasetEvents(datasetId: DatasetId): Promise<TramaEvent[]>;
	/** Writes each file as its dataset, all in one transaction: an abort writes nothing. */
	importDatasets(
		files: readonly { file: NativeFile; origin: Origin }[],
		options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void }
	): Promise<{ events: number; replaced?: boolean }[]>;
}

/** Where an import's bytes come from. */
export type ImportSource =
	| { kind: 'file'; file: Blob; name: string }
	| { kind: 'text'; text: string; name: string }
	| { kind: 'url'; url: string };

export interface ReadChoices {
	/** What TimelineJS and vis-timeline groups become. */
	group: 'tag' | 'actor';
	/** For a plain list of records. */
	mapping?: FieldMapping;
	/** Ids of imported actors whose proposed match the user refused. */
	refused?: string[];
	/** Imported actors the user said are stored ones: imported id → stored id. */
	chosen?: Record<string, string>;
	/** The field mappings the user chose before (see `ImportOptions.remembered`). */
	remembered?: Record<string, unknown>;
	/** The text's encoding, when the user said it is not UTF-8 (see `ReadOptions.encoding`). */
	encoding?: LegacyEncoding;
	/** What the numbers in a list of records' date columns are, when the user chose. */
	dateNumbers?: DateNumbers;
}

export type { Stage };
export type Progress = (stage: Stage, done?: number, total?: number) => void;

/** Everything a preview shows about one input: small, whatever the size of the input. */
export interface PreviewSummary {
	name: string;
	origin: Origin;
	/** Set when nothing of the input can be imported, with why. */
	error?: Message;
	format?: DetectedFormat;
	records?: RecordsInfo;
	dataset?: { id: string; name: string; existing: boolean };
	/** For a backup: each dataset it brings, and whether it updates a stored one. */
	datasets?: { name: string; existing: boolean }[];
	/** Records in the input, valid or not. */
	total: number;
	/** Valid records, which the import would write. */
	valid: number;
	/** Of those, how many state no confidence (they are written `unassessed`). */
	unassessed: number;
	added: number;
	changed: ChangedEvent[];
	changedCount: number;
	identical: number;
	/** Stored events of the dataset that the new version lacks (they go). */
	removed: number;
	problems: Problem[];
	problemCount: number;
	/** The problems gathered by message: "7 records: 13 is not a month" (the first 50). */
	problemGroups: ProblemGroup[];
	newActors: string[];
	/** The ids of `newActors`, in the same order (the preview offers to match each). */
	newActorIds: string[];
	newActorCount: number;
	matches: (ActorMatch & { refused: boolean })[];
}

/** An input read and converted, kept where it was read until it is written or dropped. */
export interface Prepared {
	origin: Origin;
	name: string;
	/** What was read: one JSON document… */
	json?: unknown;
	/** …or JSON Lines (one record a line). */
	lines?: JsonLines;
	/** The records to write, with the accepted actor matches applied. */
	file?: NativeFile;
	/** A backup brings several datasets, each with its own origin. */
	files?: { file: NativeFile; origin: Origin }[];
	summary: PreviewSummary;
}

const SHOWN_PROBLEMS = 50;
const SHOWN_CHANGES = 10;
const SHOWN_ACTORS = 30;

/** The name and origin an input is imported under. */
export function originOf(source: ImportSource): {
	name: string;
	origin: Origin;
	datasetId: string;
} {
	switch (source.kind) {
		case 'file':
			return {
				name: source.name,
				origin: { kind: 'file', name: source.name },
				datasetId: `import-${slug(baseName(source.name))}`
			};
		case 'text':
			// The same text pasted again updates its dataset; other text makes another one.
			return {
				name: source.name,
				origin: { kind: 'paste' },
				datasetId: `import-pasted-${stableHash(source.text)}`
			};
		case 'url':
			return {
				name: nameOfUrl(source.url),
				origin: { kind: 'url', url: source.url },
				datasetId: `import-${slug(nameOfUrl(source.url))}-${stableHash(source.url)}`
			};
	}
}

/** A file's name without its extension: the dataset's first name. */
const baseName = (name: string) => name.replace(/\.(json|jsonl|ndjson)$/i, '');

/**
 * Reads an input's bytes and parses them as they arrive (one path for files, downloads and
 * pasted text). A failure is a summary with its error; an abort rejects with the signal's reason.
 */
export async function readSource(
	source: ImportSource,
	progress: Progress,
	signal?: AbortSignal,
	encoding?: LegacyEncoding
): Promise<Prepared> {
	const { name, origin, datasetId } = originOf(source);
	const onProgress = (d: number, t?: number) => progress('reading', d, t);
	try {
		let stream: ReadableStream<Uint8Array>;
		let size: number | undefined;
		let url: string | undefined;
		if (source.kind === 'text') stream = new Blob([source.text]).stream();
		else if (source.kind === 'file') {
			stream = source.file.stream();
			size = source.file.size;
		} else {
			const download = await openUrl(source.url);
			({ body: stream, size } = download);
			url = source.url;
		}
		const input = await readInput(stream, {
			...(size !== undefined ? { size } : {}),
			lines: source.kind !== 'text' && LINES_NAME.test(source.kind === 'url' ? source.url : name),
			onProgress,
			onParse: () => progress('parsing'),
			...(signal ? { signal } : {}),
			...(url ? { markup: webPage(url) } : {}),
			...(encoding ? { encoding } : {})
		});
		progress('parsing');
		return {
			origin,
			name,
			...(input.kind === 'json' ? { json: input.value } : { lines: input.lines }),
			summary: {
				...emptySummary(name, origin),
				dataset: { id: datasetId, name: baseName(name), existing: false }
			}
		};
	} catch (error) {
		if (signal?.aborted) throw error;
		return { origin, name, summary: { ...emptySummary(name, origin), error: messageOf(error) } };
	}
}

/**
 * Converts a parsed input with the user's choices and compares it with what is stored: the
 * preview. Can run again with other choices without reading the input again.
 */
export async function preparePreview(
	prepared: Prepared,
	choices: ReadChoices,
	store: ImportStore,
	progress: Progress
): Promise<Prepared> {
	const { name, origin } = prepared;
	const base = emptySummary(name, origin);
	if (prepared.json === undefined && prepared.lines === undefined) return prepared;
	if (isBackup(prepared.json)) return previewBackup(prepared, store, progress);
	const id = prepared.summary.dataset?.id ?? `import-${slug(name)}`;
	const datasetName = prepared.summary.dataset?.name ?? name;
	const options = {
		group: choices.group,
		datasetId: id,
		datasetName,
		...(choices.mapping ? { mapping: choices.mapping } : {}),
		...(choices.dateNumbers ? { dateNumbers: choices.dateNumbers } : {}),
		...(choices.remembered ? { remembered: choices.remembered } : {}),
		onProgress: (d: number, t: number) => progress('validating', d, t)
	};
	// Said before the check starts: a valid native file is checked in one go, with no count to
	// report, and the step before it (parsing) is over.
	progress('validating');
	const read = prepared.lines
		? convertLines(prepared.lines, options)
		: convertImport(prepared.json, options);
	if (!read.ok) {
		const { file: _f, ...rest } = prepared;
		return {
			...rest,
			summary: {
				...base,
				dataset: prepared.summary.dataset,
				error: read.error,
				...(read.format ? { format: read.format } : {}),
				...(read.records ? { records: read.records } : {})
			}
		};
	}
	progress('comparing');
	const result = read.result;
	const refused = new Set(choices.refused ?? []);
	const storedActors: Actor[] = await store.actors();
	// The user's own matches first; the names decide the others.
	const chosen = choices.chosen ?? {};
	const storedById = new Map(storedActors.map((a) => [a.id as string, a]));
	const own: ActorMatch[] = [];
	for (const actor of result.file.actors) {
		const existing = storedById.get(chosen[actor.id] ?? '');
		if (existing && existing.id !== actor.id)
			own.push({
				imported: { id: actor.id, name: actor.name },
				existing: { id: existing.id, name: existing.name },
				via: actor.name,
				chosen: true
			});
	}
	const matches = [
		...matchActors(result.file.actors, storedActors).filter((m) => !(m.imported.id in chosen)),
		...own
	];
	const accepted = matches.filter((m) => !refused.has(m.imported.id));
	const matched = applyMatches(result.file, accepted);
	const storedIds = new Set(storedActors.map((a) => a.id as string));
	const newActors = matched.actors.filter((a) => !storedIds.has(a.id));
	const datasetId = matched.dataset.id;
	const stored = await store.datasetEvents(datasetId);
	const before = (await store.datasets()).find((d) => d.id === datasetId);
	const existing = before !== undefined;
	// A dataset the user renamed keeps its name when it is imported again.
	const file = before
		? { ...matched, dataset: { ...matched.dataset, name: before.name } }
		: matched;
	const diff = diffEvents(stored, file.events);
	return {
		...prepared,
		file,
		summary: {
			...base,
			format: result.format,
			...(read.records ? { records: read.records } : {}),
			dataset: { id: datasetId, name: file.dataset.name, existing },
			total: result.total,
			valid: file.events.length,
			unassessed: file.events.filter((e) => e.confidence === 'unassessed').length,
			added: diff.added.length,
			changed: diff.changed.slice(0, SHOWN_CHANGES),
			changedCount: diff.changed.length,
			identical: diff.identical,
			removed: diff.removed.length,
			problems: result.problems.slice(0, SHOWN_PROBLEMS),
			problemCount: result.problems.length,
			problemGroups: groupProblems(result.problems).slice(0, SHOWN_PROBLEMS),
			newActors: newActors.slice(0, SHOWN_ACTORS).map((a) => a.name),
			newActorIds: newActors.slice(0, SHOWN_ACTORS).map((a) => a.id),
			newActorCount: newActors.length,
			matches: matches.map((m) => ({ ...m, refused: refused.has(m.imported.id) }))
		}
	};
}

/**
 * A backup brought to Import: its datasets are added (or update the same datasets), the rest of
 * the store stays. Ids are kept as they are, so no actor matching.
 */
async function previewBackup(
	prepared: Prepared,
	store: ImportStore,
	progress: Progress
): Promise<Prepared> {
	const base = emptySummary(prepared.name, prepared.origin);
	progress('validating');
	const read = checkBackup(prepared.json);
	if (!read.ok) {
		const { file: _f, files: _fs, ...rest } = prepared;
		return { ...rest, summary: { ...base, format: 'backup', error: read.error } };
	}
	progress('comparing');
	const files = filesOf(read.backup);
	const stored = new Map((await store.datasets()).map((d) => [d.id as string, d]));
	const storedActors = new Set((await store.actors()).map((a) => a.id as string));
	const summary: PreviewSummary = { ...base, format: 'backup', datasets: [] };
	const changed: ChangedEvent[] = [];
	for (const { file } of files) {
		const diff = diffEvents(await store.datasetEvents(file.dataset.id), file.events);
		summary.total += file.events.length;
		summary.valid += file.events.length;
		summary.added += diff.added.length;
		summary.identical += diff.identical;
		summary.removed += diff.removed.length;
		summary.changedCount += diff.changed.length;
		changed.push(...diff.changed);
		summary.datasets?.push({ name: file.dataset.name, existing: stored.has(file.dataset.id) });
	}
	const newActors = read.backup.actors.filter((a) => !storedActors.has(a.id));
	summary.changed = changed.slice(0, SHOWN_CHANGES);
	summary.newActors = newActors.slice(0, SHOWN_ACTORS).map((a) => a.name);
	summary.newActorIds = newActors.slice(0, SHOWN_ACTORS).map((a) => a.id);
	summary.newActorCount = newActors.length;
	const { file: _f, ...rest } = prepared;
	return { ...rest, files, summary };
}

/** A preview of nothing yet: what an input that could not be read starts from. */
export function emptySummary(name: string, origin: Origin): PreviewSummary {
	return {
		name,
		origin,
		total: 0,
		valid: 0,
		unassessed: 0,
		added: 0,
		changed: [],
		changedCount: 0,
		identical: 0,
		removed: 0,
		problems: [],
		problemCount: 0,
		problemGroups: [],
		newActors: [],
		newActorIds: [],
		newActorCount: 0,
		matches: []
	};
}

/** Writes every prepared input that has valid records, in one transaction. */
export async function commitPrepared(
	prepared: readonly Prepared[],
	store: ImportStore,
	progress: Progress,
	signal?: AbortSignal
): Promise<{ events: number; datasets: number }> {
	const files = prepared.flatMap((p) =>
		p.files ? p.files : p.file && p.file.events.length ? [{ file: p.file, origin: p.origin }] : []
	);
	if (files.length === 0) throw new ImportError(msg('import.nothingValid'));
	progress(
		'writing',
		0,
		files.reduce((n, f) => n + f.file.events.length, 0)
	);
	const summaries = await store.importDatasets(files, {
		...(signal ? { signal } : {}),
		onProgress: (d, t) => progress('writing', d, t)
	});
	return {
		events: summaries.reduce((n, s) => n + s.events, 0),
		datasets: summaries.length
	};
}
