/** The messages between the page and the import worker. */
import type { Message } from '../model/messages';
import type { ImportSource, PreviewSummary, ReadChoices, Stage } from '../io/pipeline';

export type ToWorker =
	| { type: 'read'; key: string; source: ImportSource; choices: ReadChoices }
	| { type: 'update'; key: string; choices: ReadChoices }
	| { type: 'commit'; keys: string[] }
	| { type: 'cancel' }
	| { type: 'forget'; key: string };

export type FromWorker =
	| { type: 'progress'; key?: string; stage: Stage; done?: number; total?: number }
	| { type: 'preview'; key: string; summary: PreviewSummary }
	| { type: 'committed'; events: number; datasets: number }
	/** `error` is a message the page puts into words: the worker has none of its own. */
	| { type: 'commit-failed'; error: Message; cancelled: boolean };
