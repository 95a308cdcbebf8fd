/**
 * A head block's heads in columns (see `HeadBlock.cols`): their numbers in typed arrays, their
 * short texts one after another in one string, their titles in a list, and the values many
 * heads share (kinds, actors, tags) once each, named by number. IndexedDB hands a page a typed array or a string whole, where a
 * list of objects is rebuilt object by object; the heads are then made from the columns in one
 * pass. For the bench's 100,000 events the columns are 13.6 MB against 38.4 MB of JSON text
 * (which repeats every field's name in every head), and making the heads took 48–78 ms in Node
 * against 263–457 ms for `JSON.parse` of the text.
 */
import type { LocatedHead } from './database';
import type { PartialDate } from '../model/dates';
import type { ActorId, EventId, Uncertainty } from '../model/schema';

/**
 * Where the views keep what they make of a head (the timeline's keyed event), on the head itself:
 * a lookup by head beside it cost a million events about 20 MB. A symbol, so no copy of a head
 * carries it (JSON, IndexedDB and messages to workers leave symbols out); a copy made by spread
 * does, and the views check that what they find was made of this very head.
 */
export const viewSlot: unique symbol = Symbol('trama.view');

/** Texts each head keeps in `HeadColumns.text`, in this order. */
const TEXTS = 4; // id, start, end, uncertainty (as JSON)

export interface HeadColumns {
	/** How many heads. */
	count: number;
	/**
	 * Every head's short texts one after another: its id, start, end and uncertainty (as JSON),
	 * the last two only when it has them.
	 */
	text: string;
	/** The length of each of those texts, four per head; -1 for one the head does not have. */
	lengths: Int32Array;
	/**
	 * Every head's title. Apart, each its own string: a title cut out of one long text would
	 * keep all of that text in memory for as long as the title is kept.
	 */
	titles: string[];
	startMs: Float64Array;
	endMs: Float64Array;
	recordBlock: Int32Array;
	/** The values heads name by number in `refs`, each once. */
	words: string[];
	/**
	 * Per head, numbers into `words`: its kind, confidence, country (-1: none), then its tags
	 * (their count, then each), participants (count, then actor and role, -1 for none) and
	 * relations (count, then type, source, target, directed (-1: not said, 0: no, 1: yes) and
	 * label, -1 for none).
	 */
	refs: Int32Array;
}

/** The columns of heads (one block's, in its order). */
export function headColumns(heads: readonly LocatedHead[]): HeadColumns {
	const count = heads.length;
	const words: string[] = [];
	const numbers = new Map<string, number>();
	const word = (value: string) => {
		let n = numbers.get(value);
		if (n === undefined) {
			n = words.length;
			words.push(value);
			numbers.set(value, n);
		}
		return n;
	};
	const texts: string[] = [];
	const lengths = new Int32Array(count * TEXTS);
	const titles = new Array<string>(count);
	const startMs = new Float64Array(count);
	const endMs = new Float64Array(count);
	const recordBlock = new Int32Array(count);
	const refs: number[] = [];
	const text = (at: number, value: string | undefined) => {
		if (value === undefined) lengths[at] = -1;
		else {
			lengths[at] = value.length;
			texts.push(value);
		}
	};
	heads.forEach((h, i) => {
		const at = i * TEXTS;
		text(at, h.id);
		text(at + 1, h.start);
		text(at + 2, h.end);
		text(at + 3, h.uncertainty === undefined ? undefined : JSON.stringify(h.uncertainty));
		titles[i] = h.title;
		startMs[i] = h.startMs;
		endMs[i] = h.endMs;
		recordBlock[i] = h.recordBlock;
		const country = h.place?.country;
		refs.push(word(h.kind), word(h.confidence), country === undefined ? -1 : word(country));
		refs.push(h.tags.length);
		for (const tag of h.tags) refs.push(word(tag));
		refs.push(h.participants.length);
		for (const p of h.participants)
			refs.push(word(p.actor), p.role === undefined ? -1 : word(p.role));
		refs.push(h.relations.length);
		for (const r of h.relations)
			refs.push(
				word(r.type),
				word(r.source),
				word(r.target),
				r.directed === undefined ? -1 : r.directed ? 1 : 0,
				r.label === undefined ? -1 : word(r.label)
			);
	});
	return {
		count,
		text: texts.join(''),
		titles,
		lengths,
		startMs,
		endMs,
		recordBlock,
		words,
		refs: Int32Array.from(refs)
	};
}

/** Columns that do not hold what `headColumns` writes: the block cannot be read. */
export class DamagedColumns extends Error {
	constructor(what: string) {
		super(`head columns: ${what}`);
		this.name = 'DamagedColumns';
	}
}

const isArrayOf = <T>(v: unknown, type: new (...args: never[]) => T): v is T => v instanceof type;

/** Checks the columns' parts are there, of their types and lengths; throws `DamagedColumns`. */
function checkParts(cols: HeadColumns): void {
	const c = cols as Partial<Record<keyof HeadColumns, unknown>>;
	const n = c.count;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new DamagedColumns('count');
	if (typeof c.text !== 'string') throw new DamagedColumns('text');
	if (
		!Array.isArray(c.titles) ||
		c.titles.length !== n ||
		!c.titles.every((t) => typeof t === 'string')
	)
		throw new DamagedColumns('titles');
	if (!isArrayOf(c.lengths, Int32Array) || c.lengths.length !== n * TEXTS)
		throw new DamagedColumns('lengths');
	for (const key of ['startMs', 'endMs'] as const) {
		const v = c[key];
		if (!isArrayOf(v, Float64Array) || v.length !== n) throw new DamagedColumns(key);
	}
	if (!isArrayOf(c.recordBlock, Int32Array) || c.recordBlock.length !== n)
		throw new DamagedColumns('recordBlock');
	if (!Array.isArray(c.words) || !c.words.every((w) => typeof w === 'string'))
		throw new DamagedColumns('words');
	if (!isArrayOf(c.refs, Int32Array)) throw new DamagedColumns('refs');
}

/**
 * The heads the columns hold, in their order, each with `datasetId` (a block's heads are all of
 * its dataset). Throws `DamagedColumns` when the columns are not as `headColumns` writes them:
 * nothing of a damaged block is drawn, and nothing made up.
 *
 * Every head is made with the same fields, in the same order, those it lacks undefined: one
 * shape, which the engine keeps each field of in the object itself (an added field would be
 * kept apart, an allocation more per head), and reads the same way everywhere. A block's heads
 * share their places, participants, lists of tags and dates: one object per country, per actor
 * with a role and per list of tags, one string per date, and one empty list, not one each per
 * head (heads are never changed in place; a new version of an event is a new head); the values
 * all blocks may hold (actors' ids, kinds, tags) are one string each for every block read.
 * Lists of participants and relations are each head's own: finding a block's same lists again
 * (a key made for each) slowed a reload of 100,000 events by about 150 ms for 2 MB.
 */
export function headsFromColumns(cols: HeadColumns, datasetId: string): LocatedHead[] {
	checkParts(cols);
	const { count, text, lengths, titles, startMs, endMs, recordBlock, refs } = cols;
	// The block's values as the other blocks' (an actor's id is one string in every block).
	const words = cols.words.map(shared);
	const heads = new Array<LocatedHead>(count);
	const wordCount = words.length;
	let at = 0;
	let l = 0;
	let r = 0;
	const next = (): string | undefined => {
		const length = lengths[l++] as number;
		if (length === -1) return undefined;
		if (length < 0 || at + length > text.length) throw new DamagedColumns('lengths');
		const value = text.slice(at, at + length);
		at += length;
		return value;
	};
	/** Dates, one string per date of the block (a block's events share many days). */
	const dates = new Map<string, string>();
	const date = (value: string | undefined): string | undefined => {
		if (value === undefined) return undefined;
		const known = dates.get(value);
		if (known !== undefined) return known;
		dates.set(value, value);
		return value;
	};
	const ref = (): number => {
		if (r >= refs.length) throw new DamagedColumns('refs');
		return refs[r++] as number;
	};
	const wordAt = (n: number): string => {
		if (n < 0 || n >= wordCount) throw new DamagedColumns('refs');
		return words[n] as string;
	};
	const optionalWord = (n: number): string | undefined => (n === -1 ? undefined : wordAt(n));
	const places = new Map<number, { country: string }>();
	const placeOf = (n: number) => {
		let place = places.get(n);
		if (!place) places.set(n, (place = { country: wordAt(n) }));
		return place;
	};
	/** The block's spans, which its heads read theirs from. */
	const spans: Spans = { startMs, endMs };
	/** The empty list, one for every head of the block that lists nothing. */
	const NONE: never[] = [];
	const tagLists = new Map<string, string[]>();
	const oneTag = new Map<number, string[]>();
	const tagsOf = (n: number): string[] => {
		if (n === 0) return NONE;
		if (n === 1) {
			const tag = ref();
			let list = oneTag.get(tag);
			if (!list) oneTag.set(tag, (list = [wordAt(tag)]));
			return list;
		}
		const start = r;
		for (let k = 0; k < n; k++) wordAt(ref());
		const key = listKey(start, r);
		let list = tagLists.get(key);
		if (!list) {
			list = new Array<string>(n);
			for (let k = 0; k < n; k++) list[k] = words[refs[start + k] as number] as string;
			tagLists.set(key, list);
		}
		return list;
	};
	/** The numbers `refs[from..to)` as a key, to find a list made before of the same. */
	const listKey = (from: number, to: number): string => {
		const parts = new Array<number>(to - from);
		for (let k = from; k < to; k++) parts[k - from] = refs[k] as number;
		return parts.join(',');
	};
	const members = new Map<number, LocatedHead['participants'][number]>();
	const memberOf = (actor: number, role: number) => {
		if (actor < 0 || actor >= wordCount || role < -1 || role >= wordCount)
			throw new DamagedColumns('refs');
		const key = actor * (wordCount + 1) + role + 1;
		let member = members.get(key);
		if (!member) {
			const id = wordAt(actor) as ActorId;
			member = role === -1 ? { actor: id } : { actor: id, role: wordAt(role) };
			members.set(key, member);
		}
		return member;
	};
	type Participants = LocatedHead['participants'];
	type Relation = LocatedHead['relations'][number];
	const counted = (): number => {
		const n = ref();
		if (n < 0) throw new DamagedColumns('refs');
		return n;
	};
	for (let i = 0; i < count; i++) {
		const id = next();
		const title = titles[i] as string;
		const start = next();
		if (id === undefined || start === undefined) throw new DamagedColumns('lengths');
		const end = next();
		const uncertainty = next();
		const kind = wordAt(ref());
		const confidence = wordAt(ref());
		const country = ref();
		const tags = tagsOf(counted());
		const participantCount = counted();
		const participants =
			participantCount === 0 ? NONE : new Array<Participants[number]>(participantCount);
		for (let k = 0; k < participantCount; k++) {
			const actor = ref();
			participants[k] = memberOf(actor, ref());
		}
		const relationCount = counted();
		const relations = relationCount === 0 ? NONE : new Array<Relation>(relationCount);
		for (let k = 0; k < relationCount; k++) {
			const relation: Relation = {
				type: wordAt(ref()) as Relation['type'],
				source: wordAt(ref()) as ActorId,
				target: wordAt(ref()) as ActorId
			};
			const directed = ref();
			if (directed !== -1) relation.directed = directed === 1;
			const label = optionalWord(ref());
			if (label !== undefined) relation.label = label;
			relations[k] = relation;
		}
		const head = new ColumnHead(
			id as EventId,
			title,
			date(start) as PartialDate,
			date(end) as PartialDate | undefined,
			uncertainty === undefined ? undefined : parseUncertainty(uncertainty),
			kind as LocatedHead['kind'],
			confidence as LocatedHead['confidence'],
			tags,
			participants,
			relations,
			country === -1 ? undefined : placeOf(country),
			datasetId as LocatedHead['datasetId'],
			recordBlock[i] as number,
			spans,
			i
		);
		heads[i] = head;
	}
	if (at !== text.length || r !== refs.length) throw new DamagedColumns('length');
	return heads;
}

/** The starts and ends of a block's heads (see `ColumnHead`). */
interface Spans {
	readonly startMs: Float64Array;
	readonly endMs: Float64Array;
}

/**
 * A head made from columns. Its span is read from its block's columns, not kept in it: the
 * engine keeps a number that is not a small integer as an object of its own, and a million
 * heads' starts and ends were two million such objects (about 24 MB). Every field is made by
 * the constructor, in one order: one shape, whose fields the engine keeps in the object itself.
 * A spread or a structured clone copies only its own fields, not its span (nothing in Trama
 * copies a head: a new version of an event is a new head); JSON writes it whole.
 */
class ColumnHead implements LocatedHead {
	[viewSlot]: unknown = undefined;
	readonly #spans: Spans;
	readonly #at: number;
	constructor(
		public id: EventId,
		public title: string,
		public start: PartialDate,
		public end: PartialDate | undefined,
		public uncertainty: Uncertainty | undefined,
		public kind: LocatedHead['kind'],
		public confidence: LocatedHead['confidence'],
		public tags: LocatedHead['tags'],
		public participants: LocatedHead['participants'],
		public relations: LocatedHead['relations'],
		public place: LocatedHead['place'],
		public datasetId: LocatedHead['datasetId'],
		public recordBlock: number,
		spans: Spans,
		at: number
	) {
		this.#spans = spans;
		this.#at = at;
	}
	get startMs(): number {
		return this.#spans.startMs[this.#at] as number;
	}
	get endMs(): number {
		return this.#spans.endMs[this.#at] as number;
	}
	/** The head as JSON writes a head: its span too. */
	toJSON(): LocatedHead {
		const { startMs, endMs } = this;
		return { ...this, startMs, endMs };
	}
}

/**
 * Values every block may hold (actors' ids, kinds, tags, roles), one string each for all the
 * blocks read: 200 blocks of a million events each held their own copy of most actors' ids.
 * Dropped whole when it grows past `SHARED_MAX` (strings kept only here are then let go).
 */
const sharedWords = new Map<string, string>();
const SHARED_MAX = 200_000;

function shared(word: string): string {
	const known = sharedWords.get(word);
	if (known !== undefined) return known;
	if (sharedWords.size >= SHARED_MAX) sharedWords.clear();
	sharedWords.set(word, word);
	return word;
}

function parseUncertainty(json: string): Uncertainty {
	try {
		return JSON.parse(json) as Uncertainty;
	} catch {
		throw new DamagedColumns('uncertainty');
	}
}

/** Whether the columns hold a head with this id, found without making the heads. */
export function columnsHoldId(cols: HeadColumns, id: string): boolean {
	const { count, text, lengths } = cols;
	let at = 0;
	for (let i = 0; i < count; i++) {
		const base = i * TEXTS;
		const length = lengths[base] as number;
		if (length === id.length && text.startsWith(id, at)) return true;
		for (let k = 0; k < TEXTS; k++) at += Math.max(0, lengths[base + k] as number);
	}
	return false;
}
