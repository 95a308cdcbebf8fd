/** The messages between the page and the search worker (see `search.worker.ts`). */
import type { ActorInfo, BlockKeys, BlockRef, IndexProgress } from './facets';
import type { FacetCountsAll, FilterAnswer, FilterQuery } from './facets';

export type ToSearchWorker =
	| { type: 'actors'; actors: ActorInfo[] }
	| { type: 'blocks'; blocks: BlockRef[] }
	| { type: 'query'; seq: number; query: FilterQuery };

export type FromSearchWorker =
	| { type: 'progress'; progress: IndexProgress }
	| { type: 'keys'; change: BlockKeys }
	| { type: 'answer'; seq: number; answer: FilterAnswer }
	/** The facets' counts under the question answered last, after its answer. */
	| { type: 'counts'; seq: number; counts: FacetCountsAll }
	| { type: 'error'; seq: number; message: string };
