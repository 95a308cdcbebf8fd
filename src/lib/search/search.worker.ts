/**
 * The search worker: keeps the filter's index (every event of the datasets shown, in columns,
 * with a full-text index) off the page, reading the store itself a head block at a time, and
 * answers the page's filter questions. After each change of the data it answers the last
 * question again, so the views follow writes without asking.
 */
import { Repository } from '../db/repository';
import { SearchEngine } from './engine';
import type { FilterQuery } from './facets';
import type { FromSearchWorker, ToSearchWorker } from './protocol';

const scope = self as unknown as {
	postMessage(message: FromSearchWorker): void;
	onmessage: ((event: MessageEvent<ToSearchWorker>) => void) | null;
};
const repo = new Repository();
const engine = new SearchEngine((datasetId, block) =>
	repo.headBlockEvents(datasetId as never, block)
);
let last: { seq: number; query: FilterQuery } | undefined;

const post = (message: FromSearchWorker) => scope.postMessage(message);
engine.keys = (change) => post({ type: 'keys', change });

/**
 * Answers a question, then counts its facets in a task of their own: a newer question that came
 * meanwhile is not kept waiting for counts nobody will see.
 */
async function answer(seq: number, query: FilterQuery): Promise<void> {
	try {
		await engine.answerThenCount(
			query,
			{
				answer: (answer) => post({ type: 'answer', seq, answer }),
				counts: (counts) => post({ type: 'counts', seq, counts })
			},
			() => last?.seq === seq
		);
	} catch (error) {
		post({ type: 'error', seq, message: error instanceof Error ? error.message : String(error) });
	}
}

scope.onmessage = (event) => {
	const message = event.data;
	switch (message.type) {
		case 'actors':
			engine.setActors(message.actors);
			if (last) void answer(last.seq, last.query);
			return;
		case 'blocks':
			void engine
				.sync(message.blocks, (progress) => post({ type: 'progress', progress }))
				.then(() => (last ? answer(last.seq, last.query) : undefined));
			return;
		case 'query':
			last = { seq: message.seq, query: message.query };
			void answer(message.seq, message.query);
	}
};
