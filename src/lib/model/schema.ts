/**
 * The native model of Trama, as one zod schema. It is the source of the TypeScript types
 * (`TramaEvent`, `Actor`, …) and of the published JSON Schema of the native file format
 * (`static/schema/trama-v1.schema.json`, regenerated with `npm run schema`).
 */
import { z } from 'zod';
import { PARTIAL_DATE_PATTERN, endMs, parsePartialDate, startMs, type PartialDate } from './dates';

export const FORMAT_NAME = 'trama';
export const FORMAT_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Scalars

const idString = (what: string) =>
	z
		.string({ error: `${what} must be text` })
		.min(1, { error: `${what} is empty` })
		.max(200, { error: `${what} is longer than 200 characters` })
		.regex(/^\S(?:.*\S)?$/, { error: `${what} starts or ends with a space` });

export const eventIdSchema = idString('the event id').brand<'EventId'>();
export const actorIdSchema = idString('the actor id').brand<'ActorId'>();
export const datasetIdSchema = idString('the dataset id').brand<'DatasetId'>();
export const periodIdSchema = idString('the period id').brand<'PeriodId'>();

export type EventId = z.infer<typeof eventIdSchema>;
export type ActorId = z.infer<typeof actorIdSchema>;
export type DatasetId = z.infer<typeof datasetIdSchema>;
export type PeriodId = z.infer<typeof periodIdSchema>;

/** A partial date string; the refinement gives the exact reason a date is refused. */
export const partialDateSchema = z
	.string({ error: 'a date must be text such as "2023-09-13"' })
	.regex(new RegExp(PARTIAL_DATE_PATTERN), {
		error: (issue) => {
			const parsed = parsePartialDate(String(issue.input));
			return parsed.ok ? 'not a date' : parsed.error;
		}
	})
	.superRefine((value, ctx) => {
		const parsed = parsePartialDate(value);
		if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
	}) as unknown as z.ZodType<PartialDate, string>;

const text = (max: number, what: string) =>
	z
		.string({ error: `${what} must be text` })
		.max(max, { error: `${what} is longer than ${max} characters` });
const requiredText = (max: number, what: string) =>
	text(max, what).regex(/\S/, { error: `${what} is empty` });

let regionNames: Intl.DisplayNames | undefined;
function isKnownRegion(code: string): boolean {
	regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
	// XK (Kosovo) is user-assigned in ISO 3166 but used by the EU, the IMF and others.
	return code === 'XK' || regionNames.of(code) !== undefined;
}

export const countryCodeSchema = z
	.string()
	.regex(/^[A-Z]{2}$/, { error: 'use a two-letter ISO 3166-1 country code such as "RU"' })
	.refine(isKnownRegion, { error: (issue) => `"${String(issue.input)}" is not a country code` });

const httpUrl = z.url({
	protocol: /^https?$/,
	error: 'a source URL must be a full http(s) address'
});

// ---------------------------------------------------------------------------------------------
// Vocabularies

export const CONFIDENCES = ['confirmed', 'reported', 'claimed', 'denied'] as const;
/**
 * How sure the record is: `confirmed` (official statements of the parties or several independent
 * wire reports), `reported` (credible media or governments, not confirmed by the parties),
 * `claimed` (one interested party only), `denied` (a party involved publicly denied it).
 */
export const confidenceSchema = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof confidenceSchema>;

export const ACTOR_KINDS = ['person', 'state', 'organisation', 'company'] as const;
export const actorKindSchema = z.enum(ACTOR_KINDS);
export type ActorKind = z.infer<typeof actorKindSchema>;

export const EVENT_KINDS = [
	'state_visit',
	'official_visit',
	'summit',
	'meeting',
	'call',
	'correspondence',
	'agreement',
	'arms_transfer',
	'deployment',
	'conflict',
	'statement',
	'report',
	'denial',
	'other'
] as const;
export const eventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof eventKindSchema>;

/**
 * Relation types an event can evidence, with whether each is directed by default
 * (source → target). `met` is symmetric; `visited` points from the visitor to the host.
 */
export const RELATION_DIRECTED = {
	met: false,
	visited: true,
	hosted: true,
	called: true,
	wrote_to: true,
	negotiated_with: false,
	signed_agreement_with: false,
	supplied_weapons_to: true,
	sent_troops_to: true,
	provided_service_to: true,
	restricted_service_to: true,
	accused: true,
	denied: true,
	denied_contact_with: true,
	rebelled_against: true,
	attacked: true,
	other: false
} as const satisfies Record<string, boolean>;
export type RelationType = keyof typeof RELATION_DIRECTED;
export const RELATION_TYPES = Object.keys(RELATION_DIRECTED) as RelationType[];
export const relationTypeSchema = z.enum(RELATION_TYPES as [RelationType, ...RelationType[]]);

// ---------------------------------------------------------------------------------------------
// Records

export const placeSchema = z
	.strictObject({
		name: requiredText(300, 'the place name'),
		country: countryCodeSchema.optional(),
		lat: z.number().min(-90).max(90).optional(),
		lon: z.number().min(-180).max(180).optional()
	})
	.refine((p) => (p.lat === undefined) === (p.lon === undefined), {
		error: 'give both lat and lon, or neither',
		path: ['lat']
	});
export type Place = z.infer<typeof placeSchema>;

export const participantSchema = z.strictObject({
	actor: actorIdSchema,
	/** Free text such as host, guest, supplier, spokesperson. */
	role: requiredText(60, 'the role').optional()
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
		label: requiredText(200, 'the relation label').optional()
	})
	.refine((r) => r.source !== r.target, {
		error: 'a relation joins two different actors',
		path: ['target']
	});
export type Relation = z.infer<typeof relationSchema>;

export const sourceSchema = z
	.strictObject({
		url: httpUrl.optional(),
		title: requiredText(500, 'the source title').optional(),
		publisher: requiredText(200, 'the publisher').optional(),
		published: partialDateSchema.optional(),
		quote: requiredText(2000, 'the quote').optional(),
		/** BCP 47 language tag, e.g. "en", "es", "ru", "zh-Hans". */
		language: z
			.string()
			.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
				error: 'use a language tag such as "en" or "zh-Hans"'
			})
			.optional()
	})
	.refine((s) => s.url !== undefined || s.title !== undefined, {
		error: 'a source needs a url or a title'
	});
export type Source = z.infer<typeof sourceSchema>;

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

export const eventSchema = z
	.strictObject({
		id: eventIdSchema,
		title: requiredText(500, 'the title'),
		summary: text(5000, 'the summary').optional(),
		start: partialDateSchema,
		/** Inclusive end, at its own precision ("2023-09-13" ends at the end of that day). */
		end: partialDateSchema.optional(),
		uncertainty: uncertaintySchema.optional(),
		place: placeSchema.optional(),
		participants: z.array(participantSchema).default([]),
		relations: z.array(relationSchema).default([]),
		kind: eventKindSchema.default('other'),
		tags: z.array(requiredText(100, 'a tag')).default([]),
		sources: z.array(sourceSchema).default([]),
		confidence: confidenceSchema,
		notes: text(10000, 'the notes').optional(),
		/** Fields a foreign format had that the model does not: kept, never dropped. */
		extra: z.record(z.string(), z.json()).optional()
	})
	.superRefine((e, ctx) => {
		if (e.end !== undefined && endMs(e.end) <= startMs(e.start)) {
			ctx.addIssue({
				code: 'custom',
				path: ['end'],
				message: `ends (${e.end}) before it starts (${e.start})`
			});
		}
		// earliest/latest bound when the event happened; they must be consistent with its date.
		const u = e.uncertainty;
		const nominalEnd = endMs(e.end ?? e.start);
		if (u?.earliest !== undefined && startMs(u.earliest) >= nominalEnd) {
			ctx.addIssue({
				code: 'custom',
				path: ['uncertainty', 'earliest'],
				message: `the earliest date (${u.earliest}) is after the event (${e.end ?? e.start})`
			});
		}
		if (u?.latest !== undefined && endMs(u.latest) <= startMs(e.start)) {
			ctx.addIssue({
				code: 'custom',
				path: ['uncertainty', 'latest'],
				message: `the latest date (${u.latest}) is before the event (${e.start})`
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
				message: `the latest date (${u.latest}) is before the earliest (${u.earliest})`
			});
		}
		const seen = new Set<string>();
		e.participants.forEach((p, i) => {
			if (seen.has(p.actor)) {
				ctx.addIssue({
					code: 'custom',
					path: ['participants', i, 'actor'],
					message: `"${p.actor}" is listed twice`
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
						message: `"${r[end]}" is not a participant of this event`
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
	name: requiredText(300, 'the name'),
	/** Other spellings and scripts: "Vladímir Putin", "Владимир Путин". */
	aliases: z.array(requiredText(300, 'an alias')).default([]),
	kind: actorKindSchema,
	country: countryCodeSchema.optional(),
	description: text(2000, 'the description').optional()
});
export type Actor = z.output<typeof actorSchema>;

export const periodSchema = z
	.strictObject({
		id: periodIdSchema,
		label: requiredText(300, 'the label'),
		start: partialDateSchema,
		end: partialDateSchema,
		description: text(5000, 'the description').optional()
	})
	.refine((p) => endMs(p.end) > startMs(p.start), {
		error: 'the period ends before it starts',
		path: ['end']
	});
export type Period = z.output<typeof periodSchema>;

export const datasetMetaSchema = z.strictObject({
	id: datasetIdSchema,
	name: requiredText(200, 'the dataset name'),
	description: text(5000, 'the dataset description').optional()
});

/** Where a dataset came from. */
export const originSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('default') }),
	z.strictObject({ kind: z.literal('file'), name: requiredText(500, 'the file name') }),
	z.strictObject({ kind: z.literal('url'), url: httpUrl }),
	z.strictObject({ kind: z.literal('paste') })
]);
export type Origin = z.infer<typeof originSchema>;

export const datasetSchema = datasetMetaSchema.extend({
	origin: originSchema,
	/** ISO 8601 instant of the import. */
	importedAt: z.iso.datetime(),
	eventCount: z.number().int().min(0),
	/** Hidden datasets stay stored but leave the timeline, the network and the table. */
	hidden: z.boolean().optional()
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
				message: `the id "${item.id}" is used twice`
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
						message: `no actor has the id "${p.actor}"`
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
			'Dated events, the actors who take part in them, and named periods. Dates are ISO 8601 cut at the precision the source gives: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]Z (UTC), years 1-9999.'
	};
}

/** Whether a relation is directed: its own flag, or its type's default. */
export function isDirected(relation: Relation): boolean {
	return relation.directed ?? RELATION_DIRECTED[relation.type];
}
