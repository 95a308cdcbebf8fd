/**
 * The page's side of the search worker: hands it the head blocks shown and the actors when they
 * change, and asks one question at a time (a newer question replaces one still waiting). Where
 * no worker can run (tests, or a worker that fails to load), the same engine answers on the page.
 */
import type { Repository } from '../db/repository';
import type { SearchEngine } from './engine';
import {
	KEY_SEPARATOR,
	type ActorInfo,
	type BlockKeys,
	type BlockRef,
	type FacetCountsAll,
	type FilterAnswer,
	type FilterQuery,
	type IndexProgress
} from './facets';
import type { FromSearchWorker, ToSearchWorker } from './protocol';

export type SearchWorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>;

export interface SearchListener {
	answer(query: FilterQuery, answer: FilterAnswer): void;
	/** The facets' counts under the question answered last (they follow its answer). */
	counts(query: FilterQuery, counts: FacetCountsAll): void;
	progress(progress: IndexProgress): void;
	error(message: string): void;
}

const defaultFactory = (): SearchWorkerLike | undefined =>
	typeof Worker === 'undefined'
		? undefined
		: new Worker(new URL('./search.worker.ts', import.meta.url), {
				type: 'module',
				name: 'trama-search'
			});

export class SearchClient {
	readonly #repo: Repository;
	readonly #factory: () => SearchWorkerLike | undefined;
	#worker: SearchWorkerLike | undefined;
	/** The page answers itself (no worker): the engine's code loads on first use. */
	#inPageMode = false;
	#engine: Promise<SearchEngine> | undefined;
	/** In-page messages are handled in order, each once the engine has loaded. */
	#queue: Promise<void> = Promise.resolve();
	#listener: SearchListener | undefined;
	#seq = 0;
	/** The question in the worker, and the one waiting for it to answer. */
	#asked: { seq: number; query: FilterQuery } | undefined;
	#waiting: FilterQuery | undefined;
	/** The last question answered: asked again when the data changes (the worker does the same). */
	#last: { seq: number; query: FilterQuery } | undefined;
	#blocks: BlockRef[] = [];
	#actors: ActorInfo[] = [];
	/** The keys of the blocks answers name, by revision, as the index sent them (`BlockKeys`). */
	readonly #blockKeys = new Map<string, string>();
	/** The same, read into lists when first needed. */
	readonly #blockKeyLists = new Map<string, readonly string[]>();
	/** Revisions the index let go: forgotten once the next answer (which names none) is in. */
	#dropped = new Set<string>();

	constructor(repo: Repository, factory: () => SearchWorkerLike | undefined = defaultFactory) {
		this.#repo = repo;
		this.#factory = factory;
	}

	listen(listener: SearchListener): void {
		this.#listener = listener;
	}

	/** The head blocks the page shows: the index reads what it lacks. */
	blocks(blocks: readonly BlockRef[]): void {
		this.#forgetParsed();
		this.#blocks = [...blocks];
		this.#send({ type: 'blocks', blocks: this.#blocks });
	}

	actors(actors: readonly ActorInfo[]): void {
		this.#actors = actors.map(({ id, name, aliases, kind }) => ({ id, name, aliases, kind }));
		this.#send({ type: 'actors', actors: this.#actors });
	}

	/**
	 * The keys of a block's events by their positions among its heads, at one revision ('' where
	 * a head has no event), for a block an answer names: how the page finds the events kept in
	 * a writing of a block it has not read. Undefined when the index did not send them.
	 */
	blockKeys(rev: string): readonly string[] | undefined {
		let list = this.#blockKeyLists.get(rev);
		if (!list) {
			const text = this.#blockKeys.get(rev);
			if (text === undefined) return undefined;
			list = text.split(KEY_SEPARATOR);
			this.#blockKeyLists.set(rev, list);
		}
		return list;
	}

	/**
	 * Keeps the keys the index sent of the blocks this page has not parsed at that revision. A
	 * block parsed finds the events an answer names by their positions (see `parsedBlock`), and
	 * its keys are not needed: kept, a million events' were about 20 MB of text.
	 */
	#keysChanged({ added, dropped }: BlockKeys): void {
		for (const rev of dropped) this.#dropped.add(rev);
		for (const [rev, keys] of added) {
			this.#dropped.delete(rev);
			this.#blockKeyLists.delete(rev);
			if (this.#repo.parsedBlock(rev)) this.#blockKeys.delete(rev);
			else this.#blockKeys.set(rev, keys);
		}
	}

	/** Lets go of the keys of blocks parsed since they came (see `#keysChanged`). */
	#forgetParsed(): void {
		for (const rev of this.#blockKeys.keys())
			if (this.#repo.parsedBlock(rev)) {
				this.#blockKeys.delete(rev);
				this.#blockKeyLists.delete(rev);
			}
	}

	/** Asks a question; the answer goes to the listener (only the latest question's). */
	ask(query: FilterQuery): void {
		if (this.#asked) {
			this.#waiting = query;
			return;
		}
		this.#asked = { seq: ++this.#seq, query };
		this.#send({ type: 'query', seq: this.#asked.seq, query });
	}

	#send(message: ToSearchWorker): void {
		const worker = this.#start();
		if (worker) worker.postMessage(message);
		else this.#inPage(message);
	}

	#start(): SearchWorkerLike | undefined {
		if (this.#worker || this.#inPageMode) return this.#worker;
		let worker: SearchWorkerLike | undefined;
		try {
			worker = this.#factory();
		} catch {
			worker = undefined;
		}
		if (!worker) {
			this.#inPageMode = true;
			return undefined;
		}
		worker.onmessage = (event: MessageEvent<FromSearchWorker>) => this.#received(event.data);
		worker.onerror = () => {
			// The worker could not load or broke: the page answers from here on (its engine sends
			// the blocks' keys anew).
			worker.terminate();
			this.#blockKeys.clear();
			this.#blockKeyLists.clear();
			this.#dropped.clear();
			this.#worker = undefined;
			this.#inPageMode = true;
			this.#inPage({ type: 'actors', actors: this.#actors });
			this.#inPage({ type: 'blocks', blocks: this.#blocks });
			const asked = this.#asked;
			if (asked) this.#inPage({ type: 'query', ...asked });
		};
		this.#worker = worker;
		return worker;
	}

	#loadEngine(): Promise<SearchEngine> {
		this.#engine ??= import('./engine').then(({ SearchEngine }) => {
			const engine = new SearchEngine((datasetId, block) =>
				this.#repo.headBlockEvents(datasetId as never, block)
			);
			engine.keys = (change) => this.#received({ type: 'keys', change });
			return engine;
		});
		return this.#engine;
	}

	#inPage(message: ToSearchWorker): void {
		this.#queue = this.#queue
			.then(() => this.#loadEngine())
			.then(
				(engine) => this.#handle(engine, message),
				(error: unknown) => this.#received({ type: 'error', seq: 0, message: String(error) })
			);
	}

	#handle(engine: SearchEngine, message: ToSearchWorker): void {
		const again = (): void => {
			const asked = this.#asked ?? this.#last;
			if (asked) void this.#answerInPage(engine, asked.seq, asked.query);
		};
		switch (message.type) {
			case 'actors':
				engine.setActors(message.actors);
				again();
				return;
			case 'blocks':
				void engine
					.sync(message.blocks, (progress) => this.#received({ type: 'progress', progress }))
					.then(again, (error: unknown) =>
						this.#received({ type: 'error', seq: 0, message: String(error) })
					);
				return;
			case 'query':
				void this.#answerInPage(engine, message.seq, message.query);
		}
	}

	async #answerInPage(engine: SearchEngine, seq: number, query: FilterQuery): Promise<void> {
		try {
			// As the worker does: the answer, then the counts in a task of their own.
			await engine.answerThenCount(
				query,
				{
					answer: (answer) => this.#received({ type: 'answer', seq, answer }),
					counts: (counts) => this.#received({ type: 'counts', seq, counts })
				},
				() => this.#last?.seq === seq && !this.#asked
			);
		} catch (error) {
			this.#received({ type: 'error', seq, message: String(error) });
		}
	}

	#received(message: FromSearchWorker): void {
		switch (message.type) {
			case 'progress':
				this.#listener?.progress(message.progress);
				return;
			case 'keys':
				this.#keysChanged(message.change);
				return;
			case 'error':
				if (this.#asked?.seq === message.seq) this.#next();
				this.#listener?.error(message.message);
				return;
			case 'counts':
				// Only the counts of the question the views show: none while a newer one is asked.
				if (this.#asked || this.#last?.seq !== message.seq) return;
				this.#listener?.counts(this.#last.query, message.counts);
				return;
			case 'answer': {
				// The index answers from the blocks it holds now: those it let go are named no more.
				for (const rev of this.#dropped) {
					this.#blockKeys.delete(rev);
					this.#blockKeyLists.delete(rev);
				}
				this.#dropped.clear();
				const asked = this.#asked?.seq === message.seq ? this.#asked : this.#last;
				if (!asked || asked.seq !== message.seq) return;
				this.#last = asked;
				if (this.#asked?.seq === message.seq) this.#next();
				// A newer question is on its way: this answer is out of date already.
				if (this.#asked) return;
				this.#listener?.answer(asked.query, message.answer);
			}
		}
	}

	#next(): void {
		this.#asked = undefined;
		const waiting = this.#waiting;
		this.#waiting = undefined;
		if (waiting) this.ask(waiting);
	}
}
