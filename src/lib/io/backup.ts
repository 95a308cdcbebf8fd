/**
 * The whole-store backup: every dataset with its events and periods, every actor, and the
 * settings kept outside IndexedDB (theme, remembered field mappings). One file; restoring it
 * replaces everything in one transaction.
 */
import { z } from '../model/zod';
import { issueMsg } from '../model/issues';
import { msg, type Message } from '../model/messages';
import {
	checkUniqueIds,
	FORMAT_NAME,
	FORMAT_VERSION,
	type NativeFile,
	type Origin,
	actorSchema,
	datasetSchema,
	eventSchema,
	periodSchema
} from '../model/schema';
import { actorsUsedBy, indexById } from '../model/events';
import { validate } from '../model/validate';
import { parseJsonText } from './json';
import { isObject } from './result';

export const BACKUP_FORMAT = 'trama-backup';
export const BACKUP_VERSION = 1;

const backupDatasetSchema = datasetSchema.extend({
	events: z.array(eventSchema),
	periods: z.array(periodSchema).default([])
});

export const backupSchema = z
	.strictObject({
		format: z.literal(BACKUP_FORMAT),
		version: z.literal(BACKUP_VERSION),
		/** ISO 8601 instant the backup was made. */
		createdAt: z.iso.datetime(),
		datasets: z.array(backupDatasetSchema),
		actors: z.array(actorSchema),
		/** Settings kept in the browser outside the database, by key. */
		settings: z.record(z.string(), z.string()).default({})
	})
	.superRefine((backup, ctx) => {
		checkUniqueIds(backup.actors, ['actors'], ctx);
		checkUniqueIds(backup.datasets, ['datasets'], ctx);
		const actors = new Set<string>(backup.actors.map((a) => a.id));
		backup.datasets.forEach((d, i) => {
			checkUniqueIds(d.events, ['datasets', i, 'events'], ctx);
			d.events.forEach((e, j) => {
				e.participants.forEach((p, k) => {
					if (!actors.has(p.actor))
						ctx.addIssue({
							code: 'custom',
							path: ['datasets', i, 'events', j, 'participants', k, 'actor'],
							message: issueMsg('schema.unknownActor', { actor: p.actor })
						});
				});
			});
		});
	});
export type Backup = z.output<typeof backupSchema>;

/** What a backup holds inside its envelope: every dataset with its records, every actor. */
export type BackupContents = Pick<Backup, 'datasets' | 'actors'>;

/** Wraps what the store holds (see the repository's `contents`) as a backup file. */
export function makeBackup(
	store: BackupContents,
	settings: Record<string, string>,
	now: Date = new Date()
): Backup {
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		createdAt: now.toISOString(),
		datasets: store.datasets,
		actors: store.actors,
		settings
	};
}

export const isBackup = (json: unknown): boolean => isObject(json) && json.format === BACKUP_FORMAT;

/** Reads a backup file's text; the message says what is wrong. */
export type BackupResult = { ok: true; backup: Backup } | { ok: false; error: Message };

export function readBackup(text: string): BackupResult {
	const parsed = parseJsonText(text);
	if (!parsed.ok) return parsed;
	return checkBackup(parsed.value);
}

/** Validates parsed JSON as a backup; the message says what is wrong. */
export function checkBackup(json: unknown): BackupResult {
	if (!isBackup(json)) {
		return {
			ok: false,
			error:
				isObject(json) && json.format === FORMAT_NAME
					? msg('backup.isDataset')
					: msg('backup.notBackup')
		};
	}
	if (isObject(json) && typeof json.version === 'number' && json.version > BACKUP_VERSION) {
		return {
			ok: false,
			error: msg('backup.newer', { version: json.version, supported: BACKUP_VERSION })
		};
	}
	const checked = validate(backupSchema, json);
	if (!checked.ok) {
		const { problems } = checked;
		return {
			ok: false,
			error: msg('backup.damaged', {
				problems: problems.slice(0, 3),
				more: Math.max(0, problems.length - 3)
			})
		};
	}
	return { ok: true, backup: checked.value };
}

/** A backup's datasets as native files (each with the actors its events use) and their origins. */
export function filesOf(backup: Backup): { file: NativeFile; origin: Origin }[] {
	const actors = indexById(backup.actors);
	return backup.datasets.map(({ events, periods, origin, id, name, description }) => {
		const used = actorsUsedBy(events);
		return {
			origin,
			file: {
				format: FORMAT_NAME,
				version: FORMAT_VERSION,
				dataset: { id, name, ...(description !== undefined ? { description } : {}) },
				actors: [...used].flatMap((a) => actors.get(a) ?? []),
				periods,
				events
			}
		};
	});
}
