/**
 * Which file an export makes: for each data format its text, extension and MIME type; the names
 * of data files, pictures and backups. Pure: the export session gathers the records and hands
 * the result to the browser's downloads.
 */
import type { Actor, ActorId, NativeFile, TramaEvent } from '../model/schema';
import { fileName, nativeText, toCsv, toTimelineJs } from './export';
import type { DataFormat } from './export-choices';

export { DATA_FORMATS, exportsBackup, type DataFormat, type ExportScope } from './export-choices';

/** U+FEFF at the start of a text file: spreadsheets take it as "this file is UTF-8". */
export const UTF8_BOM = '\uFEFF';

/** How a file is saved: the ending of its name and the MIME type of the download. */
export interface FileType {
	extension: string;
	mime: string;
}

export const DATA_FILE_TYPES: Readonly<Record<DataFormat, FileType>> = {
	native: { extension: 'json', mime: 'application/json' },
	csv: { extension: 'csv', mime: 'text/csv' },
	// TimelineJS3 files are JSON too; the double extension keeps them apart from Trama's own.
	timelinejs: { extension: 'timelinejs.json', mime: 'application/json' }
};

/** The views that have a picture, and the picture formats. */
export type PictureView = 'timeline' | 'network';
export type PictureKind = 'svg' | 'png';

export const PICTURE_FILE_TYPES: Readonly<Record<PictureKind, FileType>> = {
	svg: { extension: 'svg', mime: 'image/svg+xml' },
	png: { extension: 'png', mime: 'image/png' }
};

/** A file ready for the downloads. */
export interface ExportFile {
	name: string;
	text: string;
	type: string;
}

/** What a data file is made of: the native file, and the events with their datasets for CSV. */
export interface DataContents {
	/** The native file of the events (see `nativeFileOf`); TimelineJS3 is made from it. */
	file: NativeFile;
	/** The events as model events with their dataset, in order (CSV rows). */
	events: readonly (TramaEvent & { datasetId?: string })[];
	actors: ReadonlyMap<ActorId, Actor>;
	/** A dataset's name for CSV's dataset column. */
	datasetName: (id: string) => string;
}

/** The file of some events in a format, named after `base` and the date. */
export function dataFile(
	format: DataFormat,
	base: string,
	contents: DataContents,
	now: Date = new Date()
): ExportFile {
	const { extension, mime } = DATA_FILE_TYPES[format];
	return { name: fileName(base, extension, now), text: dataText(format, contents), type: mime };
}

function dataText(format: DataFormat, c: DataContents): string {
	switch (format) {
		case 'csv':
			// The byte-order mark tells Excel the file is UTF-8; without it Excel reads the bytes
			// in the system's legacy code page and accents, dashes and Cyrillic come out garbled.
			return `${UTF8_BOM}${toCsv(c.events, c.actors, c.datasetName)}`;
		case 'timelinejs':
			return JSON.stringify(toTimelineJs(c.file, c.actors), null, '\t');
		case 'native':
			return nativeText(c.file);
	}
}

/** A picture's file: the view and the window it shows, and the date. */
export function pictureFileName(
	view: PictureView,
	windowLabel: string,
	kind: PictureKind,
	now: Date = new Date()
): string {
	return fileName(`${view}-${windowLabel}`, PICTURE_FILE_TYPES[kind].extension, now);
}

/** A backup's file: "trama-backup-2026-11-22.json". */
export function backupFileName(now: Date = new Date()): string {
	return fileName('backup', 'json', now);
}
