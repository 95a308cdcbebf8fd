/**
 * The choices an export offers (formats, scopes) and what they mean, apart from the code that
 * writes the files (`export-files.ts`, loaded when a file is made): the export dialog's state
 * reads these on the first screen.
 */

/** The data formats the export offers, in the order it lists them. */
export const DATA_FORMATS = ['native', 'csv', 'timelinejs'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

/**
 * What an export holds: `selection` (what the views show now), `all` (every dataset), or the id
 * of one dataset.
 */
export type ExportScope = 'selection' | 'all' | (string & {});

/**
 * Every dataset in the native format is a backup file rather than one merged dataset: Import
 * adds its datasets back one by one, Restore replaces everything with it.
 */
export function exportsBackup(scope: ExportScope, format: DataFormat): boolean {
	return scope === 'all' && format === 'native';
}

/** How many datasets, events and actors a backup or the store holds, for the confirmation. */
export function countsOf(b: {
	datasets: { eventCount?: number; events?: unknown[] }[];
	actors: unknown[];
}) {
	return {
		datasets: b.datasets.length,
		events: b.datasets.reduce((n, d) => n + (d.events?.length ?? d.eventCount ?? 0), 0),
		actors: b.actors.length
	};
}
