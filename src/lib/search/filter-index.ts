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

export const FACETS = [
	'dataset',
	'confidence',
	'kind',
	'actor',
	'actorKind',
	'country',
	'tag',
	'publisher',
	'precision',
	'coords'
] as const;
export type FacetName = (typeof FACETS)[number];

/** The values chosen in each facet: an event is kept when it has one of them, in every facet. */
export type FacetSelection = Partial<Record<FacetName, readonly string[]>>;

export interface FilterQuery {
	text: string;
	facets: FacetSelection;
}

export interface FacetCount {
	value: string;
	/** How many events this value would keep, under the text and the other facets' choices. */
	count: number;
}

export interface FacetCounts {
	values: FacetCount[];
	/** Values with events left out of `values` (the list is long; the search narrows it). */
	more: number;
}

/** An event the words match, for the result list. */
export interface SearchHit {
	key: string;
	title: string;
	start: string;
	score: number;
}

export interface FilterAnswer {
	/** The query asks for something (words or a facet choice). */
	active: boolean;
	/** The keys of the events kept, when active, in the index's order. */
	keys?: string[];
	matched: number;
	total: number;
	counts: Record<FacetName, FacetCounts>;
	/** The best matches of the words, best first (none without words). */
	hits: SearchHit[];
}

/** An event as the index reads it: the full record and the dataset it is in. */
export type IndexedEvent = TramaEvent & { datasetId: string };

/** The events of one head block of the store, and which writing of the block they are. */
export interface SegmentInput {
	id: string;
	rev: string;
	datasetId: string;
	events: readonly IndexedEvent[];
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
	titles: string[];
	starts: string[];
	single: Record<SingleFacet, Int32Array>;
	multi: Record<MultiFacet, Multi>;
	/** Each event's text for the phrase check: every field, ` | ` between them. */
	text: string[];
	tags: string[];
	place: string[];
}

type Doc = Record<'id', number> &
	Record<'title' | 'body' | 'place' | 'tags' | 'sources' | 'meta', string>;

const FIELDS = ['title', 'body', 'place', 'tags', 'sources', 'meta'] as const;

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

export class FilterIndex {
	readonly #segments = new Map<string, Segment>();
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
	#nextSlot = 1;
	readonly #text = new MiniSearch<Doc>({
		fields: [...FIELDS],
		tokenize: (text) => tokenize(text),
		processTerm: (term) => term,
		searchOptions: {
			boost: { title: 3, tags: 2, place: 1.5, body: 1, sources: 1, meta: 0.5 },
			tokenize: (text) => text.split(' ').filter((w) => w !== '')
		}
	});

	/** How many events the index holds. */
	get size(): number {
		let n = 0;
		for (const s of this.#segments.values()) n += s.keys.length;
		return n;
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
		this.#segments.delete(id);
		const base = segment.slot * SLOT;
		this.#text.discardAll(segment.keys.map((_, i) => base + i));
	}

	/** Adds a segment, or replaces the one of the same id. */
	put(input: SegmentInput): void {
		if (input.events.length > SLOT) throw new RangeError(`a segment holds at most ${SLOT} events`);
		this.remove(input.id);
		const slot = this.#nextSlot++;
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
					.join(' | '),
				meta: `${e.kind.replace(/_/g, ' ')} ${e.confidence}`
			};
			docs.push(doc);
			segment.tags.push(e.tags.map(phraseText).join('|'));
			segment.place.push(phraseText(place));
			segment.text.push(
				FIELDS.slice(0, 5)
					.map((f) => phraseText(doc[f]))
					.join('|')
			);
		});
		for (const f of MULTI) segment.multi[f] = multi(lists[f]);
		this.#text.addAll(docs);
		this.#segments.set(input.id, segment);
		if (d.actor.values.length !== actorsBefore) this.#refreshActors();
	}

	/** The events the query keeps, the facets' counts and the best matches of its words. */
	query(q: FilterQuery): FilterAnswer {
		const clauses = parseQuery(q.text);
		const scores = this.#matchText(clauses);
		const chosen = this.#chosen(q.facets);
		const active = scores !== undefined || chosen.some((c) => c !== undefined);
		const dict = this.#dict;
		const counts = FACETS.map(
			(f) => new Uint32Array(f === 'actorKind' ? this.#kinds.values.length : dict[f].values.length)
		);
		const keys: string[] = [];
		const kept: number[] = [];
		let total = 0;
		const kindSeen = new Int32Array(this.#kinds.values.length).fill(-1);
		let stamp = 0;
		for (const s of this.#segments.values()) {
			const n = s.keys.length;
			total += n;
			const base = s.slot * SLOT;
			for (let i = 0; i < n; i++) {
				if (scores && !scores.has(base + i)) continue;
				let fails = 0;
				let failed = -1;
				for (let f = 0; f < FACETS.length && fails < 2; f++) {
					const want = chosen[f];
					if (want && !this.#has(s, i, FACETS[f] as FacetName, want, ++stamp, kindSeen)) {
						fails++;
						failed = f;
					}
				}
				if (fails > 1) continue;
				if (fails === 0 && active) keys.push(s.keys[i] as string);
				if (fails === 0 && scores) kept.push(base + i);
				for (let f = 0; f < FACETS.length; f++) {
					if (fails === 1 && f !== failed) continue;
					this.#count(s, i, FACETS[f] as FacetName, counts[f] as Uint32Array, ++stamp, kindSeen);
				}
			}
		}
		const out = {} as Record<FacetName, FacetCounts>;
		FACETS.forEach((f, fi) => {
			const values = f === 'actorKind' ? this.#kinds.values : dict[f].values;
			out[f] = this.#list(values, counts[fi] as Uint32Array, q.facets[f] ?? []);
		});
		return {
			active,
			...(active ? { keys } : {}),
			matched: active ? keys.length : total,
			total,
			counts: out,
			hits: scores ? this.#hits(kept, scores) : []
		};
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

	/** The chosen value ids of each facet, in `FACETS` order (undefined: nothing chosen). */
	#chosen(selection: FacetSelection): (ReadonlySet<number> | undefined)[] {
		return FACETS.map((f) => {
			const values = selection[f];
			if (!values || values.length === 0) return undefined;
			const dict = f === 'actorKind' ? this.#kinds : this.#dict[f];
			return new Set(values.map((v) => dict.ids.get(v) ?? -1));
		});
	}

	#has(
		s: Segment,
		i: number,
		f: FacetName,
		want: ReadonlySet<number>,
		stamp: number,
		seen: Int32Array
	): boolean {
		let found = false;
		this.#each(s, i, f, stamp, seen, (v) => {
			if (want.has(v)) found = true;
		});
		return found;
	}

	#count(
		s: Segment,
		i: number,
		f: FacetName,
		counts: Uint32Array,
		stamp: number,
		seen: Int32Array
	): void {
		this.#each(s, i, f, stamp, seen, (v) => counts[v]!++);
	}

	/** Calls `visit` with each value (an id) event `i` of `s` has in facet `f`, once each. */
	#each(
		s: Segment,
		i: number,
		f: FacetName,
		stamp: number,
		seen: Int32Array,
		visit: (v: number) => void
	): void {
		switch (f) {
			case 'dataset':
				visit(s.dataset);
				return;
			case 'actor':
			case 'tag':
			case 'publisher': {
				const m = s.multi[f];
				for (let j = m.off[i] as number; j < (m.off[i + 1] as number); j++)
					visit(m.val[j] as number);
				return;
			}
			case 'actorKind': {
				const m = s.multi.actor;
				for (let j = m.off[i] as number; j < (m.off[i + 1] as number); j++) {
					const kind = this.#actorKind[m.val[j] as number] ?? -1;
					if (kind >= 0 && seen[kind] !== stamp) {
						seen[kind] = stamp;
						visit(kind);
					}
				}
				return;
			}
			default: {
				const v = s.single[f][i] as number;
				if (v >= 0) visit(v);
			}
		}
	}

	/**
	 * The score of each event every clause keeps (a map from event ids); undefined when the query
	 * has no words. A clause matches an event's text or, without a field or with `actor:`, the names
	 * of its actors.
	 */
	#matchText(clauses: readonly Clause[]): Map<number, number> | undefined {
		if (clauses.length === 0) return undefined;
		let kept: Map<number, number> | undefined;
		const excluded: Map<number, number>[] = [];
		for (const clause of clauses) {
			const found = this.#matchClause(clause);
			if (clause.negate) {
				excluded.push(found);
				continue;
			}
			if (!kept) kept = found;
			else {
				const next = new Map<number, number>();
				for (const [id, score] of found) {
					const before = kept.get(id);
					if (before !== undefined) next.set(id, before + score);
				}
				kept = next;
			}
		}
		if (!kept) {
			// Only exclusions: every event, less those.
			kept = new Map();
			for (const s of this.#segments.values()) {
				const base = s.slot * SLOT;
				for (let i = 0; i < s.keys.length; i++) kept.set(base + i, 0);
			}
		}
		for (const out of excluded) for (const id of out.keys()) kept.delete(id);
		return kept;
	}

	#matchClause(clause: Clause): Map<number, number> {
		const found = new Map<number, number>();
		const { tokens } = clause;
		const last = tokens.length - 1;
		const needle = ` ${tokens.join(' ')}${clause.open ? '' : ' '}`;
		if (clause.field !== 'actor') {
			const fields =
				clause.field === 'tag' ? ['tags'] : clause.field === 'place' ? ['place'] : undefined;
			const results = this.#text.search(tokens.join(' '), {
				combineWith: 'AND',
				...(fields ? { fields } : {}),
				prefix: (term, i) => clause.open && i === last && term.length >= 2 && !isCjk(term)
			});
			for (const r of results) {
				const id = r.id as number;
				if (clause.phrase && !this.#phraseAt(id, clause, needle)) continue;
				found.set(id, r.score);
			}
		}
		if (clause.field === undefined || clause.field === 'actor') {
			const actors = new Set<number>();
			this.#actorText.forEach((text, v) => {
				if (text.includes(needle)) actors.add(v);
			});
			if (actors.size) {
				for (const s of this.#segments.values()) {
					const m = s.multi.actor;
					const base = s.slot * SLOT;
					for (let i = 0; i < s.keys.length; i++) {
						for (let j = m.off[i] as number; j < (m.off[i + 1] as number); j++) {
							if (actors.has(m.val[j] as number)) {
								found.set(base + i, (found.get(base + i) ?? 0) + ACTOR_SCORE);
								break;
							}
						}
					}
				}
			}
		}
		return found;
	}

	/** Whether event `id` has the clause's phrase, as written, in the clause's field. */
	#phraseAt(id: number, clause: Clause, needle: string): boolean {
		const s = this.#segmentOf(id);
		if (!s) return false;
		const i = id % SLOT;
		const text =
			clause.field === 'tag' ? s.tags[i] : clause.field === 'place' ? s.place[i] : s.text[i];
		return (text ?? '').includes(needle);
	}

	#bySlot = new Map<number, Segment>();
	#segmentOf(id: number): Segment | undefined {
		const slot = Math.floor(id / SLOT);
		let s = this.#bySlot.get(slot);
		if (s && this.#segments.get(s.id) === s) return s;
		this.#bySlot = new Map([...this.#segments.values()].map((x) => [x.slot, x]));
		s = this.#bySlot.get(slot);
		return s;
	}

	/** The best of the events kept, by their words' score. */
	#hits(kept: readonly number[], scores: Map<number, number>): SearchHit[] {
		const top: [number, number][] = [];
		for (const id of kept) {
			const score = scores.get(id) ?? 0;
			if (score > 0) top.push([id, score]);
		}
		top.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
		const out: SearchHit[] = [];
		for (const [id, score] of top.slice(0, HITS_MAX)) {
			const s = this.#segmentOf(id);
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
