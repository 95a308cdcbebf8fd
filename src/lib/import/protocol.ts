/** The messages between the page and the import worker. */
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
	| { type: 'commit-failed'; error: string; cancelled: boolean };
