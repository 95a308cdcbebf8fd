/**
 * The native model of Trama, as one zod schema. It is the source of the TypeScript types
 * (`TramaEvent`, `Actor`, …) and of the published JSON Schema of the native file format
 * (`static/schema/trama-v1.schema.json`, regenerated with `npm run schema`).
 */
import { z } from './zod';
import { PARTIAL_DATE_PATTERN, endMs, parsePartialDate, startMs, type PartialDate } from './dates';
import { asIssue, issueMsg } from './issues';
import { MAX_EXTRA_DEPTH, jsonValueProblem } from './json';
import { msg, type Field } from './messages';
import {
	ACTOR_KINDS,
	CONFIDENCES,
	EVENT_KINDS,
	RELATION_TYPES,
	isKnownRegion,
	type RelationType
} from './vocab';

export {
	ACTOR_KINDS,
	CONFIDENCES,
	EVENT_KINDS,
	RELATION_DIRECTED,
	RELATION_TYPES,
	countryCodes,
	isDirected,
	type ActorKind,
	type Confidence,
	type EventKind,
	type RelationType
} from './vocab';

export const FORMAT_NAME = 'trama';
export const FORMAT_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Scalars

// Messages are codes (see messages.ts); zod carries them encoded (see issues.ts).

const idString = (field: Field) =>
	z
		.string({ error: issueMsg('schema.notText', { field }) })
		.min(1, { error: issueMsg('schema.empty', { field }) })
		.max(200, { error: issueMsg('schema.tooLong', { field, max: 200 }) })
		.regex(/^\S(?:.*\S)?$/, { error: issueMsg('schema.edgeSpace', { field }) });

export const eventIdSchema = idString('eventId').brand<'EventId'>();
export const actorIdSchema = idString('actorId').brand<'ActorId'>();
export const datasetIdSchema = idString('datasetId').brand<'DatasetId'>();
export const periodIdSchema = idString('periodId').brand<'PeriodId'>();

export type EventId = z.infer<typeof eventIdSchema>;
export type ActorId = z.infer<typeof actorIdSchema>;
export type DatasetId = z.infer<typeof datasetIdSchema>;
export type PeriodId = z.infer<typeof periodIdSchema>;

const PARTIAL_DATE_SHAPE = new RegExp(PARTIAL_DATE_PATTERN);

/**
 * A partial date string; the refinement gives the exact reason a date is refused. Its
 * description (published in the JSON Schema) says how years before 1 and zone-less times read.
 */
export const partialDateSchema = z
	.string({ error: issueMsg('schema.dateNotText') })
	.regex(PARTIAL_DATE_SHAPE, {
		error: (issue) => {
			const parsed = parsePartialDate(String(issue.input));
			return asIssue(parsed.ok ? msg('schema.notADate') : parsed.error);
		}
	})
	.superRefine((value, ctx) => {
		// A value of the wrong shape already has its reason from the regex check.
		if (!PARTIAL_DATE_SHAPE.test(value)) return;
		const parsed = parsePartialDate(value);
		if (!parsed.ok) ctx.addIssue({ code: 'custom', message: asIssue(parsed.error) });
	})
	.meta({
		id: 'PartialDate',
		description:
			'ISO 8601 date cut at the precision the source gives: YYYY, YYYY-MM, YYYY-MM-DD, or a time YYYY-MM-DDTHH:MM[:SS]. A time ending in Z is UTC; a time without Z is the wall time the source gave without a zone (shown as given, never converted). Years are astronomical, as in ISO 8601, from -9999 to 9999: 0000 is 1 BCE, -0299 is 300 BCE, -9999 is 10000 BCE.'
	}) as unknown as z.ZodType<PartialDate, string>;

const text = (max: number, field: Field) =>
	z
		.string({ error: issueMsg('schema.notText', { field }) })
		.max(max, { error: issueMsg('schema.tooLong', { field, max }) });
const requiredText = (max: number, field: Field) =>
	text(max, field).regex(/\S/, { error: issueMsg('schema.empty', { field }) });

export const countryCodeSchema = z
	.string()
	// A code of the wrong shape is said once: the check for a known region does not follow.
	.regex(/^[A-Z]{2}$/, { error: issueMsg('schema.countryShape'), abort: true })
	.refine(isKnownRegion, {
		error: (issue) => issueMsg('schema.unknownCountry', { code: String(issue.input) })
	});

const httpUrl = z.url({ protocol: /^https?$/, error: issueMsg('schema.sourceUrl') });

// ---------------------------------------------------------------------------------------------
// Vocabularies

export const confidenceSchema = z.enum(CONFIDENCES);
export const actorKindSchema = z.enum(ACTOR_KINDS);
export const eventKindSchema = z.enum(EVENT_KINDS);
export const relationTypeSchema = z.enum(RELATION_TYPES as [RelationType, ...RelationType[]]);

// ---------------------------------------------------------------------------------------------
// Records

export const placeSchema = z
	.strictObject({
		name: requiredText(300, 'placeName'),
		country: countryCodeSchema.optional(),
		lat: z.number().min(-90).max(90).optional(),
		lon: z.number().min(-180).max(180).optional()
	})
	.refine((p) => (p.lat === undefined) === (p.lon === undefined), {
		error: issueMsg('schema.latLon'),
		path: ['lat']
	});
export type Place = z.infer<typeof placeSchema>;

export const participantSchema = z.strictObject({
	actor: actorIdSchema,
	/** Free text such as host, guest, supplier, spokesperson. */
	role: requiredText(60, 'role').optional()
});
export type Participant = z.infer<typeof participantSchema>;

export const relationSchema = z
	.strictObject({
		type: relationTypeSchema,
		source: actorIdSchema,
		target: actorIdSchema,
		/** Overrides the type's default direction (see RELATION_DIRECTED). */
		directed: z.boolean().optional(),
		/** A short detail, e.g. "artillery shells". */
		label: requiredText(200, 'relationLabel').optional()
	})
	.refine((r) => r.source !== r.target, {
		error: issueMsg('schema.relationSelf'),
		path: ['target']
	});
export type Relation = z.infer<typeof relationSchema>;

export const sourceSchema = z
	.strictObject({
		url: httpUrl.optional(),
		title: requiredText(500, 'sourceTitle').optional(),
		publisher: requiredText(200, 'publisher').optional(),
		published: partialDateSchema.optional(),
		quote: requiredText(2000, 'quote').optional(),
		/** BCP 47 language tag, e.g. "en", "es", "ru", "zh-Hans". */
		language: z
			.string()
			.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: issueMsg('schema.languageTag') })
			.optional()
	})
	.refine((s) => s.url !== undefined || s.title !== undefined, {
		error: issueMsg('schema.sourceNeedsUrlOrTitle')
	});
export type Source = z.infer<typeof sourceSchema>;

/**
 * A picture, video, tweet, map or document that illustrates an event (TimelineJS3's `media`).
 * It is not a source: its credit attributes the picture, it is no evidence for the claim. What
 * kind of media it is follows from the address (see `mediaKind` in `media.ts`).
 */
export const mediaSchema = z.strictObject({
	url: httpUrl,
	caption: requiredText(2000, 'mediaCaption').optional(),
	/** Who made or owns the picture: attribution, shown with it. */
	credit: requiredText(500, 'mediaCredit').optional(),
	/** Text that describes an image to those who cannot see it. */
	alt: requiredText(1000, 'mediaAlt').optional(),
	/** A small picture of the media, as its file gave it. */
	thumbnail: httpUrl.optional()
});
export type Media = z.infer<typeof mediaSchema>;

export const uncertaintySchema = z.strictObject({
	/** The date is approximate ("circa"). */
	circa: z.boolean().optional(),
	/**
	 * The event happened no earlier than this. Together with `latest` it bounds the event's span,
	 * narrower ("2023-08", but no later than 30 Aug) or wider ("2023-08", perhaps from 27 July)
	 * than its date.
	 */
	earliest: partialDateSchema.optional(),
	/** The event happened no later than this (inclusive, at its own precision). */
	latest: partialDateSchema.optional()
});
export type Uncertainty = z.infer<typeof uncertaintySchema>;

/** `extra`: each field plain JSON, checked without recursion (see `jsonValueProblem`). */
/** Field names a plain object cannot hold as its own: from a file, they are refused by name. */
const RESERVED_KEYS = ['__proto__'];

const extraSchema = z.preprocess(
	(extra, ctx) => {
		// A record would drop such a field without a word: refuse it, naming it, instead.
		if (typeof extra === 'object' && extra !== null)
			for (const key of RESERVED_KEYS)
				if (Object.hasOwn(extra, key))
					ctx.addIssue({
						code: 'custom',
						path: [key],
						message: asIssue(msg('schema.reservedKey', { key }))
					});
		return extra;
	},
	z
		.record(
			z.string(),
			z
				.unknown()
				.meta({ description: `Any JSON value, nested at most ${MAX_EXTRA_DEPTH} levels deep.` })
		)
		.superRefine((extra, ctx) => {
			for (const [key, value] of Object.entries(extra)) {
				const problem = jsonValueProblem(value, MAX_EXTRA_DEPTH);
				if (problem)
					ctx.addIssue({
						code: 'custom',
						path: [key],
						message: asIssue(
							problem === 'deep'
								? msg('schema.tooDeep', { max: MAX_EXTRA_DEPTH })
								: msg('schema.notJson')
						)
					});
			}
		})
) as unknown as z.ZodType<Record<string, z.core.util.JSONType>>;

export const eventSchema = z
	.strictObject({
		id: eventIdSchema,
		title: requiredText(500, 'title'),
		summary: text(5000, 'summary').optional(),
		start: partialDateSchema,
		/** Inclusive end, at its own precision ("2023-09-13" ends at the end of that day). */
		end: partialDateSchema.optional(),
		uncertainty: uncertaintySchema.optional(),
		place: placeSchema.optional(),
		participants: z.array(participantSchema).default([]),
		relations: z.array(relationSchema).default([]),
		kind: eventKindSchema.default('other'),
		tags: z.array(requiredText(100, 'tag')).default([]),
		sources: z.array(sourceSchema).default([]),
		/** Pictures and other media that illustrate the event; not evidence (see `mediaSchema`). */
		media: z.array(mediaSchema).min(1).optional(),
		confidence: confidenceSchema,
		notes: text(10000, 'notes').optional(),
		/** Fields a foreign format had that the model does not: kept, never dropped. */
		extra: extraSchema.optional()
	})
	.superRefine((e, ctx) => {
		if (e.end !== undefined && endMs(e.end) <= startMs(e.start)) {
			ctx.addIssue({
				code: 'custom',
				path: ['end'],
				message: issueMsg('schema.endBeforeStart', { start: e.start, end: e.end })
			});
		}
		// earliest/latest bound when the event happened; they must be consistent with its date.
		const u = e.uncertainty;
		const nominalEnd = endMs(e.end ?? e.start);
		if (u?.earliest !== undefined && startMs(u.earliest) >= nominalEnd) {
			ctx.addIssue({
				code: 'custom',
				path: ['uncertainty', 'earliest'],
				message: issueMsg('schema.earliestAfterEvent', {
					earliest: u.earliest,
					event: e.end ?? e.start
				})
			});
		}
		if (u?.latest !== undefined && endMs(u.latest) <= startMs(e.start)) {
			ctx.addIssue({
				code: 'custom',
				path: ['uncertainty', 'latest'],
				message: issueMsg('schema.latestBeforeEvent', { latest: u.latest, start: e.start })
			});
		}
		if (
			u?.earliest !== undefined &&
			u.latest !== undefined &&
			startMs(u.earliest) >= endMs(u.latest)
		) {
			ctx.addIssue({
				code: 'custom',
				path: ['uncertainty', 'latest'],
				message: issueMsg('schema.latestBeforeEarliest', { latest: u.latest, earliest: u.earliest })
			});
		}
		const seen = new Set<string>();
		e.participants.forEach((p, i) => {
			if (seen.has(p.actor)) {
				ctx.addIssue({
					code: 'custom',
					path: ['participants', i, 'actor'],
					message: issueMsg('schema.listedTwice', { actor: p.actor })
				});
			}
			seen.add(p.actor);
		});
		e.relations.forEach((r, i) => {
			for (const end of ['source', 'target'] as const) {
				if (!seen.has(r[end])) {
					ctx.addIssue({
						code: 'custom',
						path: ['relations', i, end],
						message: issueMsg('schema.notParticipant', { actor: r[end] })
					});
				}
			}
		});
	});
/** An event as the model holds it (defaults applied). */
export type TramaEvent = z.output<typeof eventSchema>;
/** An event as a file may write it (defaults may be left out). */
export type TramaEventInput = z.input<typeof eventSchema>;

export const actorSchema = z.strictObject({
	id: actorIdSchema,
	name: requiredText(300, 'name'),
	/** Other spellings and scripts: "Vladímir Putin", "Владимир Путин". */
	aliases: z.array(requiredText(300, 'alias')).default([]),
	kind: actorKindSchema,
	country: countryCodeSchema.optional(),
	description: text(2000, 'description').optional()
});
export type Actor = z.output<typeof actorSchema>;

export const periodSchema = z
	.strictObject({
		id: periodIdSchema,
		label: requiredText(300, 'label'),
		start: partialDateSchema,
		end: partialDateSchema,
		description: text(5000, 'description').optional()
	})
	.refine((p) => endMs(p.end) > startMs(p.start), {
		error: issueMsg('schema.periodEndsBeforeStart'),
		path: ['end']
	});
export type Period = z.output<typeof periodSchema>;

export const datasetMetaSchema = z.strictObject({
	id: datasetIdSchema,
	name: requiredText(200, 'datasetName'),
	description: text(5000, 'datasetDescription').optional()
});

/** Where a dataset came from. */
export const originSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('default') }),
	z.strictObject({ kind: z.literal('file'), name: requiredText(500, 'fileName') }),
	z.strictObject({ kind: z.literal('url'), url: httpUrl }),
	z.strictObject({ kind: z.literal('paste') }),
	/** Made in the app: its first event was written in the event form. */
	z.strictObject({ kind: z.literal('app') })
]);
export type Origin = z.infer<typeof originSchema>;

export const datasetSchema = datasetMetaSchema.extend({
	origin: originSchema,
	/** ISO 8601 instant of the import. */
	importedAt: z.iso.datetime(),
	eventCount: z.number().int().min(0),
	/** Hidden datasets stay stored but leave the timeline, the network and the table. */
	hidden: z.boolean().optional(),
	/**
	 * When the dataset was deleted: it waits in the store, out of every view, list and export,
	 * so the deletion can be undone, until it is purged (see `Repository.purgeTrash`).
	 */
	deleted: z.iso.datetime().optional()
});
export type Dataset = z.output<typeof datasetSchema>;

// ---------------------------------------------------------------------------------------------
// The native file

/**
 * Adds an issue for every item whose id an earlier item of the list already has, at
 * `[...path, i, 'id']`. For the superRefine of files that hold lists of records.
 */
export function checkUniqueIds(
	items: readonly { id: string }[],
	path: readonly (string | number)[],
	ctx: z.RefinementCtx
): void {
	const seen = new Set<string>();
	items.forEach((item, i) => {
		if (seen.has(item.id)) {
			ctx.addIssue({
				code: 'custom',
				path: [...path, i, 'id'],
				message: issueMsg('schema.idTwice', { id: item.id })
			});
		}
		seen.add(item.id);
	});
}

export const nativeFileSchema = z
	.strictObject({
		$schema: z.string().optional(),
		format: z.literal(FORMAT_NAME),
		version: z.literal(FORMAT_VERSION),
		dataset: datasetMetaSchema,
		actors: z.array(actorSchema).default([]),
		periods: z.array(periodSchema).default([]),
		events: z.array(eventSchema)
	})
	.superRefine((file, ctx) => {
		checkUniqueIds(file.actors, ['actors'], ctx);
		checkUniqueIds(file.events, ['events'], ctx);
		checkUniqueIds(file.periods, ['periods'], ctx);
		const actors = new Set<string>(file.actors.map((a) => a.id));
		file.events.forEach((e, i) => {
			e.participants.forEach((p, j) => {
				if (!actors.has(p.actor)) {
					ctx.addIssue({
						code: 'custom',
						path: ['events', i, 'participants', j, 'actor'],
						message: issueMsg('schema.unknownActor', { actor: p.actor })
					});
				}
			});
		});
	});
export type NativeFile = z.output<typeof nativeFileSchema>;
export type NativeFileInput = z.input<typeof nativeFileSchema>;

/** The JSON Schema of the native file format, generated from {@link nativeFileSchema}. */
export function nativeJsonSchema(): Record<string, unknown> {
	const schema = z.toJSONSchema(nativeFileSchema, {
		io: 'input',
		target: 'draft-2020-12',
		unrepresentable: 'any'
	});
	return {
		...schema,
		$id: `trama-v${FORMAT_VERSION}.schema.json`,
		title: `Trama native event file, format version ${FORMAT_VERSION}`,
		description:
			'Dated events, the actors who take part in them, and named periods. Dates are ISO 8601 cut at the precision the source gives: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] with Z for UTC (a time without Z was given without a zone). Years are astronomical, -9999 to 9999: 0000 is 1 BCE, -0299 is 300 BCE.'
	};
}
