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

/** What the page asks of the restore worker: read a backup, write it, forget it, or stop. */
export type ToRestore =
	{ type: 'read'; file: Blob } | { type: 'write' } | { type: 'forget' } | { type: 'cancel' };

/** How many datasets, events and actors a backup holds. */
export interface RestoreCounts {
	datasets: number;
	events: number;
	actors: number;
}

export type FromRestore =
	| { type: 'restore-progress'; stage: 'read' | 'write'; done: number; total?: number }
	/** The backup is read and sound; it waits in the worker for the user's yes. */
	| { type: 'restore-ready'; createdAt: number; incoming: RestoreCounts }
	| { type: 'restore-refused'; error: Message; cancelled: boolean }
	| { type: 'restored'; settings: Record<string, string>; counts: RestoreCounts }
	| { type: 'restore-failed'; error: Message; cancelled: boolean };
