/**
 * The filter's index (pure, no DOM): every event of the datasets shown, in columns, with a
 * full-text index (MiniSearch) beside them. It answers one question: for a query and the facet
 * choices, which events are kept, how many each facet value would keep under the other choices,
 * and which events match the words best. It lives in a worker (see `search.worker.ts`); tests
 * use it directly.
 *
 * It is kept in segments, one per head block of the store (up to 5,000 events of one dataset), so
 * that a write re-reads and re-indexes only the blocks it touched.
 */
import MiniSearch from 'minisearch';
import { precisionOf } from '../model/dates';
import { eventKey } from '../model/events';
import type { TramaEvent } from '../model/schema';
import { parseQuery, type Clause } from './query';
import { isCjk, phraseText, tokenize } from './text';
import {
	FACETS,
	KEY_SEPARATOR,
	type FacetCount,
	type FacetCounts,
	type FacetName,
	type FacetCountsAll,
	type FilterAnswer,
	type KeptInBlock,
	type FilterQuery,
	type SearchHit
} from './facets';

/** An event as the index reads it: the full record and the dataset it is in. */
export type IndexedEvent = TramaEvent & { datasetId: string };

/** The events of one head block of the store, and which writing of the block they are. */
export interface SegmentInput {
	id: string;
	rev: string;
	datasetId: string;
	events: readonly IndexedEvent[];
	/**
	 * Each event's position among the heads of its block as stored (a head without its record
	 * has none). Without it, the answers name the segment's events by their keys only.
	 */
	at?: readonly number[];
}

/** At most this many values of one facet are sent (the busiest); the rest are counted. */
export const FACET_VALUES_MAX = 3000;
/** How many best matches the result list gets. */
export const HITS_MAX = 50;
/** Event ids are this segment's slot times this, plus the event's place in the segment. */
const SLOT = 8192;
/** The score an event gets for a word in the name of one of its actors (about a title word's). */
const ACTOR_SCORE = 6;

const SINGLE = ['confidence', 'kind', 'country', 'precision', 'coords'] as const;
type SingleFacet = (typeof SINGLE)[number];
const MULTI = ['actor', 'tag', 'publisher'] as const;
type MultiFacet = (typeof MULTI)[number];

/** Each facet's place in `FACETS`. */
const FACET_AT = Object.fromEntries(FACETS.map((f, i) => [f, i])) as Record<FacetName, number>;

class Dict {
	readonly values: string[] = [];
	readonly ids = new Map<string, number>();
	id(value: string): number {
		let id = this.ids.get(value);
		if (id === undefined) {
			id = this.values.length;
			this.values.push(value);
			this.ids.set(value, id);
		}
		return id;
	}
}

interface Multi {
	off: Uint32Array;
	val: Uint32Array;
}

interface Segment {
	slot: number;
	id: string;
	rev: string;
	dataset: number;
	keys: string[];
	/** Each event's position among its block's heads (see `SegmentInput.at`). */
	at: Int32Array | undefined;
	/** The keys by position among the block's heads, a line each (see `blockKeys`). */
	keysByPosition: string | undefined;
	titles: string[];
	starts: string[];
	single: Record<SingleFacet, Int32Array>;
	multi: Record<MultiFacet, Multi>;
	/** Each event's text for the phrase check: every field, ` | ` between them. */
	text: string[];
	tags: string[];
	place: string[];
}

type Doc = Record<'id', number> & Record<'title' | 'body' | 'place' | 'tags' | 'sources', string>;

/**
 * The fields the words search. Kind and confidence are not among them: their facets choose them,
 * and every event has one (their postings would be the largest part of the index).
 */
const FIELDS = ['title', 'body', 'place', 'tags', 'sources'] as const;

let regions: Intl.DisplayNames | undefined;
function countryWords(code: string): string {
	regions ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
	return `${code} ${regions.of(code) ?? ''}`;
}

function multi(lists: readonly (readonly number[])[]): Multi {
	const off = new Uint32Array(lists.length + 1);
	let n = 0;
	lists.forEach((l, i) => {
		off[i] = n;
		n += l.length;
	});
	off[lists.length] = n;
	const val = new Uint32Array(n);
	let j = 0;
	for (const l of lists) for (const v of l) val[j++] = v;
	return { off, val };
}

/** A small heap of the best `size` (id, score) pairs, for the result list. */
function best(size: number): {
	offer(id: number, score: number): void;
	sorted(): [number, number][];
} {
	const ids: number[] = [];
	const scores: number[] = [];
	// A min-heap on (score, then the later id), so the root is the weakest kept.
	const weaker = (a: number, b: number): boolean =>
		(scores[a] as number) < (scores[b] as number) ||
		((scores[a] as number) === (scores[b] as number) && (ids[a] as number) > (ids[b] as number));
	const swap = (a: number, b: number): void => {
		[ids[a], ids[b]] = [ids[b] as number, ids[a] as number];
		[scores[a], scores[b]] = [scores[b] as number, scores[a] as number];
	};
	return {
		offer(id, score) {
			if (ids.length < size) {
				ids.push(id);
				scores.push(score);
				for (let i = ids.length - 1; i > 0;) {
					const up = (i - 1) >> 1;
					if (!weaker(i, up)) break;
					swap(i, up);
					i = up;
				}
				return;
			}
			const root = scores[0] as number;
			if (score < root || (score === root && id > (ids[0] as number))) return;
			ids[0] = id;
			scores[0] = score;
			for (let i = 0; ;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < ids.length && weaker(l, m)) m = l;
				if (r < ids.length && weaker(r, m)) m = r;
				if (m === i) break;
				swap(i, m);
				i = m;
			}
		},
		sorted() {
			return ids
				.map((id, i) => [id, scores[i] as number] as [number, number])
				.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
		}
	};
}

/** A term's postings in MiniSearch's index: by field id, each event's term frequency. */
type Postings = Map<number, Map<number, number>>;

/**
 * The parts of MiniSearch (the pinned `~7.2` line) its API does not expose and the index reads:
 * the postings (for the planner's estimates and `#scoreWords`) and what its scoring reads. Each
 * reader checks what it needs is there and otherwise does without.
 */
interface MiniSearchInternals {
	_index?: {
		get?: (term: string) => Postings | undefined;
		atPrefix?: (prefix: string) => Iterable<[string, Postings]>;
	};
	_fieldIds?: Record<string, number>;
	_documentIds?: Map<number, unknown>;
	_fieldLength?: Map<number, number[]>;
	_avgFieldLength?: number[];
	_documentCount?: number;
	_nextId?: number;
	_options?: {
		searchOptions?: {
			boost?: Record<string, number>;
			weights?: { prefix?: number };
			bm25?: { k: number; b: number; d: number };
		};
	};
}

/** MiniSearch's documents by short id (see `FilterIndex.#dense`). */
interface Dense {
	ids: Int32Array;
	lengths: Int32Array[];
}

/** A term's postings in one field (see `FilterIndex.#postingsOf`). */
interface DensePostings {
	ids: Int32Array;
	lengths: Int32Array;
	tfs: Float64Array;
}

/** Which events the words keep (1) and their score, by event id (slot × SLOT + place). */
interface TextMatch {
	kept: Uint8Array;
	score: Float32Array;
}

/**
 * An event's state in a question: kept by every choice (`KEPT`), left out by one facet's choice
 * only (that facet's number: the event still counts in that facet), or left out otherwise
 * (`LEFT_OUT`: by the words, or by two facets or more). The question's loops are small
 * functions over typed arrays, each of one shape: they run over every event on each keystroke,
 * and V8 makes them fast after a call or two.
 */
const KEPT = -1;
const LEFT_OUT = -2;

function fromText(state: Int8Array, n: number, kept: Uint8Array, base: number): void {
	for (let i = 0; i < n; i++) state[i] = kept[base + i] === 1 ? KEPT : LEFT_OUT;
}

/** The event fails facet `f`: left out by it alone, or by more than one choice. */
function fail(state: Int8Array, i: number, f: number): void {
	const now = state[i] as number;
	state[i] = now === KEPT ? f : LEFT_OUT;
}

function leaveOutAll(state: Int8Array, n: number, f: number, has: boolean): void {
	if (has) return;
	for (let i = 0; i < n; i++) if (state[i] !== LEFT_OUT) fail(state, i, f);
}

function leaveOutSingle(
	state: Int8Array,
	n: number,
	f: number,
	column: Int32Array,
	want: Uint8Array
): void {
	for (let i = 0; i < n; i++) {
		if (state[i] === LEFT_OUT) continue;
		const v = column[i] as number;
		if (v < 0 || want[v] !== 1) fail(state, i, f);
	}
}

function leaveOutMulti(
	state: Int8Array,
	n: number,
	f: number,
	off: Uint32Array,
	val: Uint32Array,
	want: Uint8Array
): void {
	for (let i = 0; i < n; i++) {
		if (state[i] === LEFT_OUT) continue;
		let has = false;
		for (let j = off[i] as number; j < (off[i + 1] as number); j++)
			if (want[val[j] as number] === 1) {
				has = true;
				break;
			}
		if (!has) fail(state, i, f);
	}
}

/** How many events count in facet `f`: those kept, and those only `f` leaves out. */
function countKept(state: Int8Array, n: number, f: number): number {
	let c = 0;
	for (let i = 0; i < n; i++) {
		const st = state[i] as number;
		if (st === KEPT || st === f) c++;
	}
	return c;
}

function countSingle(
	state: Int8Array,
	n: number,
	f: number,
	column: Int32Array,
	counts: Uint32Array
): void {
	for (let i = 0; i < n; i++) {
		const st = state[i] as number;
		if (st !== KEPT && st !== f) continue;
		const v = column[i] as number;
		if (v >= 0) counts[v]!++;
	}
}

function countMulti(
	state: Int8Array,
	n: number,
	f: number,
	off: Uint32Array,
	val: Uint32Array,
	counts: Uint32Array
): void {
	for (let i = 0; i < n; i++) {
		const st = state[i] as number;
		if (st !== KEPT && st !== f) continue;
		for (let j = off[i] as number; j < (off[i + 1] as number); j++) counts[val[j] as number]!++;
	}
}

/** Each actor kind counts an event once, however many of its actors are of that kind. */
function countKinds(
	state: Int8Array,
	n: number,
	f: number,
	off: Uint32Array,
	val: Uint32Array,
	actorKind: Int32Array,
	counts: Uint32Array
): void {
	for (let i = 0; i < n; i++) {
		const st = state[i] as number;
		if (st !== KEPT && st !== f) continue;
		let seen = 0;
		for (let j = off[i] as number; j < (off[i + 1] as number); j++) {
			const k = actorKind[val[j] as number] as number;
			if (k >= 0 && (seen & (1 << k)) === 0) {
				seen |= 1 << k;
				counts[k]!++;
			}
		}
	}
}

export class FilterIndex {
	/** Words in titles, places and tags only, by a scan (see `LIGHT_FROM`). */
	readonly light: boolean;
	readonly #segments = new Map<string, Segment>();
	/** The segments by slot (a slot is reused once its segment is gone, so ids stay dense). */
	readonly #slots: (Segment | undefined)[] = [];
	readonly #dict: Record<Exclude<FacetName, 'actorKind'>, Dict> = {
		dataset: new Dict(),
		confidence: new Dict(),
		kind: new Dict(),
		actor: new Dict(),
		country: new Dict(),
		tag: new Dict(),
		publisher: new Dict(),
		precision: new Dict(),
		coords: new Dict()
	};
	readonly #kinds = new Dict();
	/** Each actor value's kind (an id of `#kinds`), -1 when the actor is not stored. */
	#actorKind = new Int32Array(0);
	/** Each actor value's names for the search: ` name | alias | … `, folded. */
	#actorText: string[] = [];
	#actors = new Map<string, { name: string; aliases: readonly string[]; kind: string }>();
	readonly #text = new MiniSearch<Doc>({
		fields: [...FIELDS],
		tokenize: (text) => tokenize(text),
		processTerm: (term) => term,
		searchOptions: {
			boost: { title: 3, tags: 2, place: 1.5, body: 1, sources: 1 },
			tokenize: (text) => text.split(' ').filter((w) => w !== '')
		}
	});

	/**
	 * `direct: false` asks MiniSearch's `search` for every word, as the direct reading of its
	 * postings (`#scoreWords`) must answer: the tests compare the two.
	 */
	constructor(options: { light?: boolean; direct?: boolean } = {}) {
		this.light = options.light ?? false;
		this.#direct = options.direct ?? true;
	}

	readonly #direct: boolean;

	/** Counts the changes of what the index holds (see `ask`). */
	#generation = 0;

	/** How many events the index holds. */
	get size(): number {
		let n = 0;
		for (const s of this.#segments.values()) n += s.keys.length;
		return n;
	}

	/**
	 * The keys of the events of each block the answers name by places (`KeptInBlock`), by their
	 * positions among the block's heads, a line each ('' where a head has no event here), by the
	 * block's revision: the page reads a kept event's key here when it has not read that writing
	 * of the block itself (a write on its way), so an answer need not carry the keys.
	 */
	blockKeys(): Map<string, string> {
		const out = new Map<string, string>();
		for (const s of this.#segments.values())
			if (s.keysByPosition !== undefined) out.set(s.rev, s.keysByPosition);
		return out;
	}

	/** The revision of each segment held, by id. */
	revisions(): Map<string, string> {
		return new Map([...this.#segments.values()].map((s) => [s.id, s.rev]));
	}

	/** The actors (names, aliases, kinds): who the words and the actor-kind facet find. */
	setActors(
		actors: readonly { id: string; name: string; aliases: readonly string[]; kind: string }[]
	): void {
		this.#actors = new Map(actors.map((a) => [a.id, a]));
		this.#refreshActors();
	}

	#refreshActors(): void {
		this.#generation++;
		const dict = this.#dict.actor;
		this.#actorKind = new Int32Array(dict.values.length);
		this.#actorText = dict.values.map((id, i) => {
			const actor = this.#actors.get(id);
			this.#actorKind[i] = actor ? this.#kinds.id(actor.kind) : -1;
			if (!actor) return phraseText(id);
			return [actor.name, ...actor.aliases, id].map(phraseText).join('|');
		});
	}

	/** Drops every segment whose id is not in `keep`. */
	retain(keep: ReadonlySet<string>): void {
		for (const id of [...this.#segments.keys()]) if (!keep.has(id)) this.remove(id);
	}

	remove(id: string): void {
		const segment = this.#segments.get(id);
		if (!segment) return;
		this.#generation++;
		this.#segments.delete(id);
		this.#slots[segment.slot] = undefined;
		const base = segment.slot * SLOT;
		this.#text.discardAll(segment.keys.map((_, i) => base + i));
		this.#dense = undefined;
		this.#postingArrays = new WeakMap();
	}

	/** Makes ready what the first question reads (see `#dense`), once the events are in. */
	prepare(): void {
		const mini = this.#text as unknown as MiniSearchInternals;
		if (!this.light && mini._fieldIds) this.#denseOf(mini, Object.keys(mini._fieldIds).length);
	}

	/**
	 * MiniSearch's documents by its own (short) id, in typed arrays: each one's event id (-1 once
	 * discarded) and its length in each field. The scoring reads these for every posting of a
	 * word; MiniSearch keeps them in maps, whose lookups were about half of a keystroke's scoring
	 * at 100,000 events. Made at the end of each sync (`prepare`), or by the first question after
	 * the events change.
	 */
	#dense: Dense | undefined;

	/**
	 * A term's postings in one field, in typed arrays, in MiniSearch's order: each event's id (-1
	 * once discarded), its field's length and the term's frequency. Read from the postings' map
	 * once, then on every keystroke that asks for the term (iterating the maps was most of the
	 * scoring's time until V8 had optimised it, which it does not for a question asked once).
	 * Made again when the events change, or when MiniSearch has vacuumed the map.
	 */
	#postingArrays = new WeakMap<Map<number, number>, DensePostings>();

	#postingsOf(freqs: Map<number, number>, dense: Dense, fieldLengths: Int32Array): DensePostings {
		const found = this.#postingArrays.get(freqs);
		if (found && found.ids.length === freqs.size) return found;
		const ids = new Int32Array(freqs.size);
		const lengths = new Int32Array(freqs.size);
		const tfs = new Float64Array(freqs.size);
		let p = 0;
		for (const [docId, tf] of freqs) {
			ids[p] = dense.ids[docId] ?? -1;
			lengths[p] = fieldLengths[docId] as number;
			tfs[p++] = tf;
		}
		const made = { ids, lengths, tfs };
		this.#postingArrays.set(freqs, made);
		return made;
	}

	#denseOf(mini: MiniSearchInternals, fieldCount: number): Dense | undefined {
		const { _documentIds: docIds, _fieldLength: lengths, _nextId: next } = mini;
		if (!docIds || !lengths || next === undefined) return undefined;
		if (this.#dense && this.#dense.ids.length === next) return this.#dense;
		const ids = new Int32Array(next).fill(-1);
		for (const [short, id] of docIds) if (typeof id === 'number') ids[short] = id;
		const byField = Array.from({ length: fieldCount }, () => new Int32Array(next));
		for (const [short, list] of lengths)
			list.forEach((length, field) => {
				const column = byField[field];
				if (column) column[short] = length;
			});
		this.#dense = { ids, lengths: byField };
		return this.#dense;
	}

	/** Adds a segment, or replaces the one of the same id. */
	put(input: SegmentInput): void {
		if (input.events.length > SLOT) throw new RangeError(`a segment holds at most ${SLOT} events`);
		this.remove(input.id);
		this.#generation++;
		let slot = this.#slots.indexOf(undefined);
		if (slot < 0) slot = this.#slots.length;
		const d = this.#dict;
		const n = input.events.length;
		const single = Object.fromEntries(SINGLE.map((f) => [f, new Int32Array(n).fill(-1)])) as Record<
			SingleFacet,
			Int32Array
		>;
		const lists: Record<MultiFacet, number[][]> = { actor: [], tag: [], publisher: [] };
		const segment: Segment = {
			slot,
			id: input.id,
			rev: input.rev,
			dataset: d.dataset.id(input.datasetId),
			keys: [],
			at: input.at ? Int32Array.from(input.at) : undefined,
			keysByPosition: undefined,
			titles: [],
			starts: [],
			single,
			multi: {} as Record<MultiFacet, Multi>,
			text: [],
			tags: [],
			place: []
		};
		const actorsBefore = d.actor.values.length;
		const docs: Doc[] = [];
		input.events.forEach((e, i) => {
			segment.keys.push(eventKey(e));
			segment.titles.push(e.title);
			segment.starts.push(e.start);
			single.confidence[i] = d.confidence.id(e.confidence);
			single.kind[i] = d.kind.id(e.kind);
			if (e.place?.country) single.country[i] = d.country.id(e.place.country);
			single.precision[i] = d.precision.id(precisionOf(e.start));
			single.coords[i] = d.coords.id(e.place?.lat !== undefined ? 'yes' : 'no');
			const actors = new Set(e.participants.map((p) => p.actor));
			for (const r of e.relations) actors.add(r.source).add(r.target);
			lists.actor.push([...actors].map((a) => d.actor.id(a)));
			lists.tag.push([...new Set(e.tags)].map((tag) => d.tag.id(tag)));
			const publishers = new Set<string>();
			for (const s of e.sources) if (s.publisher) publishers.add(s.publisher);
			lists.publisher.push([...publishers].map((p) => d.publisher.id(p)));
			const place = e.place
				? `${e.place.name} ${e.place.country ? countryWords(e.place.country) : ''}`
				: '';
			const doc: Doc = {
				id: slot * SLOT + i,
				title: e.title,
				body: `${e.summary ?? ''} \n ${e.notes ?? ''}`,
				place,
				tags: e.tags.join(' | '),
				sources: e.sources
					.map((s) => `${s.title ?? ''} ${s.publisher ?? ''} ${s.quote ?? ''}`)
					.join(' | ')
			};
			segment.tags.push(e.tags.map(phraseText).join('|'));
			segment.place.push(phraseText(place));
			if (this.light) {
				segment.text.push([doc.title, place, doc.tags].map(phraseText).join('|'));
				return;
			}
			docs.push(doc);
			segment.text.push(FIELDS.map((f) => phraseText(doc[f])).join('|'));
		});
		for (const f of MULTI) segment.multi[f] = multi(lists[f]);
		this.#text.addAll(docs);
		this.#dense = undefined;
		this.#postingArrays = new WeakMap();
		if (segment.at && segment.rev !== '') {
			const lines = new Array<string>(segment.at.length ? Math.max(...segment.at) + 1 : 0).fill('');
			segment.at.forEach((position, i) => (lines[position] = segment.keys[i] as string));
			segment.keysByPosition = lines.join(KEY_SEPARATOR);
		}
		this.#segments.set(input.id, segment);
		this.#slots[slot] = segment;
		if (d.actor.values.length !== actorsBefore) this.#refreshActors();
	}

	/** The events the query keeps, the facets' counts and the best matches of its words. */
	query(q: FilterQuery): FilterAnswer & { counts: FacetCountsAll } {
		const asked = this.ask(q);
		return { ...asked.answer, counts: asked.counts() as FacetCountsAll };
	}

	/**
	 * The events the query keeps and the best matches of its words at once; the facets' counts
	 * when `counts` is called (a second pass, so the views need not wait for them). `counts`
	 * gives undefined once the index has changed since the question (its answer is then asked
	 * again).
	 */
	ask(q: FilterQuery): { answer: FilterAnswer; counts: () => FacetCountsAll | undefined } {
		const generation = this.#generation;
		const clauses = parseQuery(q.text);
		const text = this.#matchText(clauses);
		const dict = this.#dict;
		// Per facet: a table of the values chosen (1 where chosen), or none.
		const wants = FACETS.map((f): Uint8Array | undefined => {
			const values = q.facets[f];
			if (!values || values.length === 0) return undefined;
			const d = f === 'actorKind' ? this.#kinds : dict[f];
			const table = new Uint8Array(d.values.length);
			for (const v of values) {
				const id = d.ids.get(v);
				if (id !== undefined) table[id] = 1;
			}
			return table;
		});
		const active = text !== undefined || wants.some((w) => w !== undefined);
		const keys: string[] = [];
		const blocks: KeptInBlock[] = [];
		const top = best(HITS_MAX);
		let matched = 0;
		// The actor-kind choice as a choice of actors (each actor whose kind is chosen).
		const kindsWanted = wants[FACET_AT.actorKind];
		const wantActors =
			kindsWanted &&
			Uint8Array.from(this.#actorKind, (kind) => (kind >= 0 && kindsWanted[kind] === 1 ? 1 : 0));
		/** Which choices leave each event of a segment out (see `LEFT_OUT`), in `state`. */
		const mark = (state: Int8Array, s: Segment): void => {
			const n = s.keys.length;
			if (text) fromText(state, n, text.kept, s.slot * SLOT);
			else state.fill(KEPT, 0, n);
			FACETS.forEach((f, k) => {
				const want = wants[k];
				if (!want) return;
				if (f === 'dataset') leaveOutAll(state, n, k, want[s.dataset] === 1);
				else if (f === 'actorKind')
					leaveOutMulti(state, n, k, s.multi.actor.off, s.multi.actor.val, wantActors ?? want);
				else if (f === 'actor' || f === 'tag' || f === 'publisher')
					leaveOutMulti(state, n, k, s.multi[f].off, s.multi[f].val, want);
				else leaveOutSingle(state, n, k, s.single[f], want);
			});
		};
		// Each event's state in its segment: reused from segment to segment.
		const state = new Int8Array(SLOT);
		let total = 0;
		for (const s of this.#segments.values()) {
			const n = s.keys.length;
			total += n;
			if (!active) continue;
			const base = s.slot * SLOT;
			mark(state, s);
			// The events kept: their places in the block (or their keys, for a block without a
			// revision or places: it cannot be told from another writing of it), and the best
			// matches.
			const named = s.at !== undefined && s.rev !== '';
			const segmentAt = s.at;
			const at = named ? new Int32Array(n) : undefined;
			let m = 0;
			for (let i = 0; i < n; i++) {
				if (state[i] !== KEPT) continue;
				if (at && segmentAt) at[m] = segmentAt[i] as number;
				else keys.push(s.keys[i] as string);
				m++;
				if (text) {
					const score = text.score[base + i] as number;
					if (score > 0) top.offer(base + i, score);
				}
			}
			matched += m;
			if (at && m > 0) blocks.push({ rev: s.rev, at: at.slice(0, m) });
		}
		const answer: FilterAnswer = {
			active,
			...(active ? { keys: keys.join(KEY_SEPARATOR), blocks } : {}),
			matched: active ? matched : total,
			total,
			hits: text ? this.#hits(top.sorted()) : [],
			...(this.light ? { light: true } : {})
		};
		const counts = (): FacetCountsAll | undefined => {
			if (this.#generation !== generation) return undefined;
			const all = FACETS.map(
				(f) =>
					new Uint32Array(f === 'actorKind' ? this.#kinds.values.length : dict[f].values.length)
			);
			for (const s of this.#segments.values()) {
				const n = s.keys.length;
				mark(state, s);
				// Each facet counts the events kept by every other choice.
				(all[FACET_AT.dataset] as Uint32Array)[s.dataset]! += countKept(state, n, FACET_AT.dataset);
				for (const f of SINGLE)
					countSingle(state, n, FACET_AT[f], s.single[f], all[FACET_AT[f]] as Uint32Array);
				for (const f of MULTI)
					countMulti(
						state,
						n,
						FACET_AT[f],
						s.multi[f].off,
						s.multi[f].val,
						all[FACET_AT[f]] as Uint32Array
					);
				countKinds(
					state,
					n,
					FACET_AT.actorKind,
					s.multi.actor.off,
					s.multi.actor.val,
					this.#actorKind,
					all[FACET_AT.actorKind] as Uint32Array
				);
			}
			const out = {} as FacetCountsAll;
			FACETS.forEach((f, i) => {
				const values = f === 'actorKind' ? this.#kinds.values : dict[f].values;
				out[f] = this.#list(values, all[i] as Uint32Array, q.facets[f] ?? []);
			});
			return out;
		};
		return { answer, counts };
	}

	#list(values: readonly string[], counts: Uint32Array, selected: readonly string[]): FacetCounts {
		const all: FacetCount[] = [];
		counts.forEach((count, i) => {
			if (count > 0) all.push({ value: values[i] as string, count });
		});
		all.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
		const shown = all.slice(0, FACET_VALUES_MAX);
		for (const value of selected)
			if (!shown.some((v) => v.value === value))
				shown.push({ value, count: all.find((v) => v.value === value)?.count ?? 0 });
		return { values: shown, more: all.length - Math.min(all.length, FACET_VALUES_MAX) };
	}

	/** An empty match over every event id in use. */
	#emptyMatch(): TextMatch {
		const n = this.#slots.length * SLOT;
		return { kept: new Uint8Array(n), score: new Float32Array(n) };
	}

	/**
	 * Which events every clause keeps, and their scores; undefined when the query has no words.
	 * A clause matches an event's text or, without a field or with `actor:`, the names of its
	 * actors.
	 */
	#matchText(clauses: readonly Clause[]): TextMatch | undefined {
		if (clauses.length === 0) return undefined;
		const out = this.#emptyMatch();
		// The rarest clause is asked of the index; the others are checked on the stored text of the
		// events it keeps when they are fewer than the events the clause's word is in (asking
		// MiniSearch for a word in every event builds a result for every event: about 100 ms at
		// 100,000).
		const plan = clauses
			.map((clause) => ({ clause, estimate: this.#estimate(clause) }))
			.sort((x, y) => Number(x.clause.negate) - Number(y.clause.negate) || x.estimate - y.estimate);
		let kept = 0;
		if (plan[0]?.clause.negate) {
			// Only exclusions: every event, less those.
			for (const seg of this.#segments.values()) {
				out.kept.fill(1, seg.slot * SLOT, seg.slot * SLOT + seg.keys.length);
				kept += seg.keys.length;
			}
		}
		plan.forEach(({ clause, estimate }, k) => {
			if (k === 0 && !clause.negate) {
				const found = this.#matchClause(clause);
				out.kept.set(found.kept);
				out.score.set(found.score);
				kept = found.kept.reduce((n, v) => n + v, 0);
				return;
			}
			if (kept <= estimate) {
				// Checked on the events still kept.
				const actors = this.#actorsNamed(clause);
				kept = 0;
				for (let id = 0; id < out.kept.length; id++) {
					if (out.kept[id] === 0) continue;
					const holds = this.#textHolds(id, clause) || this.#actorHolds(id, actors);
					if (holds === clause.negate) out.kept[id] = 0;
					else {
						kept++;
						if (!clause.negate) out.score[id]! += 1;
					}
				}
				return;
			}
			const found = this.#matchClause(clause);
			kept = 0;
			for (let id = 0; id < out.kept.length; id++) {
				if (out.kept[id] === 0) continue;
				if ((found.kept[id] === 1) === clause.negate) out.kept[id] = 0;
				else {
					kept++;
					if (!clause.negate) out.score[id]! += found.score[id] as number;
				}
			}
		});
		return out;
	}

	/** Whether the clause's last token is looked for as the start of a word. */
	static #prefixed(clause: Clause, token: string, at: number): boolean {
		return clause.open && at === clause.tokens.length - 1 && token.length >= 2 && !isCjk(token);
	}

	/**
	 * About how many events a clause's words are in (an upper bound: the fewest postings of any
	 * of its tokens, from MiniSearch's own index); Infinity when that cannot be told, or for an
	 * `actor:` clause (its events are found through the actors, not the index).
	 */
	#estimate(clause: Clause): number {
		if (clause.field === 'actor') return Infinity;
		let least = Infinity;
		clause.tokens.forEach((token, at) => {
			least = Math.min(least, this.#postings(token, FilterIndex.#prefixed(clause, token, at)));
		});
		return least;
	}

	/**
	 * How many postings a term has in every field (an event in two fields counts twice), or with
	 * `prefix` every term it begins (the first 500 such terms' only: a floor). Read from MiniSearch's index, which
	 * its API does not expose: when it is not where this expects it, Infinity (every clause is
	 * then asked of the index, as without a plan).
	 */
	#postings(term: string, prefix: boolean): number {
		if (this.light) return Infinity;
		const index = (this.#text as unknown as MiniSearchInternals)._index;
		if (!index?.get || !index.atPrefix) return Infinity;
		const size = (fields: Postings): number => {
			let n = 0;
			for (const docs of fields.values()) n += docs.size;
			return n;
		};
		if (!prefix) {
			const fields = index.get(term);
			return fields ? size(fields) : 0;
		}
		let n = 0;
		let terms = 0;
		for (const [, fields] of index.atPrefix(term)) {
			// Past 500 terms, what is counted is a floor: enough to order clauses by.
			if (++terms > 500) break;
			n += size(fields);
		}
		return n;
	}

	/** Whether event `id`'s stored text holds the clause (its phrase, or every word). */
	#textHolds(id: number, clause: Clause): boolean {
		if (clause.field === 'actor') return false;
		const seg = this.#slots[Math.floor(id / SLOT)];
		if (!seg) return false;
		const i = id % SLOT;
		const text =
			(clause.field === 'tag'
				? seg.tags[i]
				: clause.field === 'place'
					? seg.place[i]
					: seg.text[i]) ?? '';
		const word = (token: string, at: number) =>
			` ${token}${FilterIndex.#prefixed(clause, token, at) ? '' : ' '}`;
		if (clause.phrase)
			return text.includes(
				clause.tokens
					.map((t, at) => (at === clause.tokens.length - 1 ? word(t, at) : ` ${t}`))
					.join('')
			);
		return clause.tokens.every((t, at) => text.includes(word(t, at)));
	}

	/**
	 * The events every word is in, with the score MiniSearch's `search` gives them (all words
	 * required, the last one as a prefix while it is typed), read straight from its index into
	 * `found`. `search` builds a result object, with its terms and fields, for every matching
	 * event: for a word in one event of six at 100,000 events that was most of a keystroke's time
	 * in the worker. The scoring is MiniSearch's own (BM25+, its field boosts, its weight for
	 * longer words a prefix finds, the number of words matched), on the same postings, in the
	 * same order. False, with `found` untouched, when MiniSearch's internals are not where this
	 * expects them (the pinned `~7.2` line): the caller then asks `search`.
	 */
	#scoreWords(
		words: readonly { token: string; prefix: boolean }[],
		fields: readonly string[],
		found: TextMatch
	): boolean {
		const mini = this.#text as unknown as MiniSearchInternals;
		const index = mini._index;
		const options = mini._options?.searchOptions;
		const bm25 = options?.bm25;
		const prefixWeight = options?.weights?.prefix;
		const { _fieldIds: fieldIds, _documentIds: docIds, _fieldLength: lengths } = mini;
		const { _avgFieldLength: avgLengths, _documentCount: count } = mini;
		if (
			!index?.get ||
			!index.atPrefix ||
			!fieldIds ||
			!docIds ||
			!lengths ||
			!avgLengths ||
			count === undefined ||
			!bm25 ||
			prefixWeight === undefined ||
			fields.some((f) => fieldIds[f] === undefined)
		)
			return false;
		const dense = this.#denseOf(mini, Object.keys(fieldIds).length);
		if (!dense) return false;
		const { k, b, d } = bm25;
		const n = found.kept.length;
		// As `search` reads the words: empty ones dropped.
		const asked = words.filter((w) => w.token !== '');
		let total: Float64Array | undefined;
		for (const word of asked) {
			const score = new Float64Array(n);
			const hit = new Uint8Array(n);
			const add = (weight: number, data: Postings | undefined): void => {
				if (!data) return;
				for (const field of fields) {
					const fieldId = fieldIds[field] as number;
					const freqs = data.get(fieldId);
					if (!freqs) continue;
					const boost = options.boost?.[field] || 1;
					const avg = avgLengths[fieldId] as number;
					const postings = this.#postingsOf(freqs, dense, dense.lengths[fieldId] as Int32Array);
					const { ids, lengths, tfs } = postings;
					let matching = freqs.size;
					const idfOf = (m: number) => Math.log(1 + (count - m + 0.5) / (m + 0.5));
					let idf = idfOf(matching);
					for (let p = 0; p < ids.length; p++) {
						const id = ids[p] as number;
						if (id < 0) {
							// A discarded event's posting, not yet vacuumed: MiniSearch skips it too,
							// and counts one event fewer for the rest.
							matching -= 1;
							idf = idfOf(matching);
							continue;
						}
						const tf = tfs[p] as number;
						const length = lengths[p] as number;
						const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)));
						score[id]! += weight * 1 * boost * 1 * raw;
						hit[id] = 1;
					}
				}
			};
			add(1, index.get(word.token));
			if (word.prefix)
				for (const [term, data] of index.atPrefix(word.token)) {
					const distance = term.length - word.token.length;
					if (distance) add((prefixWeight * term.length) / (term.length + 0.3 * distance), data);
				}
			if (!total) {
				for (let id = 0; id < n; id++) if (hit[id] === 0) score[id] = NaN;
				total = score;
			} else
				for (let id = 0; id < n; id++)
					total[id] = hit[id] === 1 ? (total[id] as number) + (score[id] as number) : NaN;
		}
		const distinct = new Set(asked.map((w) => w.token)).size;
		if (total)
			for (let id = 0; id < n; id++) {
				const t = total[id] as number;
				if (Number.isNaN(t)) continue;
				found.kept[id] = 1;
				// MiniSearch multiplies by the number of different words of the query matched.
				found.score[id] = t * distinct;
			}
		return true;
	}

	/** The actors (by value id) whose names hold the clause, for a clause that may name one. */
	#actorsNamed(clause: Clause): Uint8Array | undefined {
		if (clause.field !== undefined && clause.field !== 'actor') return undefined;
		const needle = ` ${clause.tokens.join(' ')}${clause.open ? '' : ' '}`;
		const actors = new Uint8Array(this.#actorText.length);
		let any = false;
		this.#actorText.forEach((text, v) => {
			if (text.includes(needle)) {
				actors[v] = 1;
				any = true;
			}
		});
		return any ? actors : undefined;
	}

	/** Whether event `id` involves one of `actors`. */
	#actorHolds(id: number, actors: Uint8Array | undefined): boolean {
		if (!actors) return false;
		const seg = this.#slots[Math.floor(id / SLOT)];
		if (!seg) return false;
		const i = id % SLOT;
		const m = seg.multi.actor;
		for (let j = m.off[i] as number; j < (m.off[i + 1] as number); j++)
			if (actors[m.val[j] as number] === 1) return true;
		return false;
	}

	#matchClause(clause: Clause): TextMatch {
		const found = this.#emptyMatch();
		const { tokens } = clause;
		if (clause.field !== 'actor' && this.light) {
			// No full-text index: the stored text of every event, scanned.
			for (const seg of this.#segments.values()) {
				const base = seg.slot * SLOT;
				for (let i = 0; i < seg.keys.length; i++)
					if (this.#textHolds(base + i, clause)) {
						found.kept[base + i] = 1;
						found.score[base + i] = 1;
					}
			}
		} else if (clause.field !== 'actor') {
			const fields =
				clause.field === 'tag' ? ['tags'] : clause.field === 'place' ? ['place'] : undefined;
			// A phrase asks the index for its rarest word only, and is checked on the stored text.
			let asked = tokens.map((token, at) => ({ token, at }));
			if (clause.phrase && tokens.length > 1) {
				const rarest = asked
					.map((w) => ({
						...w,
						n: this.#postings(w.token, FilterIndex.#prefixed(clause, w.token, w.at))
					}))
					.sort((x, y) => x.n - y.n)[0];
				if (rarest && Number.isFinite(rarest.n)) asked = [rarest];
			}
			const words = asked.map((w) => ({
				token: w.token,
				prefix: FilterIndex.#prefixed(clause, w.token, w.at)
			}));
			const direct = this.#direct && this.#scoreWords(words, fields ?? FIELDS, found);
			if (!direct) {
				const results = this.#text.search(words.map((w) => w.token).join(' '), {
					combineWith: 'AND',
					...(fields ? { fields } : {}),
					prefix: (_term, i) => words[i]?.prefix ?? false
				});
				for (const r of results) {
					found.kept[r.id as number] = 1;
					found.score[r.id as number] = r.score;
				}
			}
			if (clause.phrase)
				for (let id = 0; id < found.kept.length; id++)
					if (found.kept[id] === 1 && !this.#textHolds(id, clause)) {
						found.kept[id] = 0;
						found.score[id] = 0;
					}
		}
		const actors = this.#actorsNamed(clause);
		if (actors) {
			for (const seg of this.#segments.values()) {
				const m = seg.multi.actor;
				const base = seg.slot * SLOT;
				for (let i = 0; i < seg.keys.length; i++) {
					for (let j = m.off[i] as number; j < (m.off[i + 1] as number); j++) {
						if (actors[m.val[j] as number] === 1) {
							found.kept[base + i] = 1;
							found.score[base + i]! += ACTOR_SCORE;
							break;
						}
					}
				}
			}
		}
		return found;
	}

	#hits(top: readonly [number, number][]): SearchHit[] {
		const out: SearchHit[] = [];
		for (const [id, score] of top) {
			const s = this.#slots[Math.floor(id / SLOT)];
			if (!s) continue;
			const i = id % SLOT;
			out.push({
				key: s.keys[i] as string,
				title: s.titles[i] as string,
				start: s.starts[i] as string,
				score
			});
		}
		return out;
	}
}
