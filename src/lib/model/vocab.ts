/**
 * The model's vocabularies and the questions the views ask of them (confidences, kinds, relation
 * types and their direction, country codes), apart from the zod schema that checks records
 * (`schema.ts` re-exports them): the first screen draws with these and leaves the schema, and
 * zod with it, to the code that reads and writes files.
 */
import type { Relation } from './schema';

let regionNames: Intl.DisplayNames | undefined;
/** What `DisplayNames` said of each code asked (676 at most): an import asks of every place. */
const knownRegions = new Map<string, boolean>();
export function isKnownRegion(code: string): boolean {
	// Anything but two capitals makes `DisplayNames.of` throw (zod runs this check after the
	// shape's own has failed: a country of `"RU"` once refused a whole file with a RangeError).
	if (!/^[A-Z]{2}$/.test(code)) return false;
	let known = knownRegions.get(code);
	if (known === undefined) {
		regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
		// XK (Kosovo) is user-assigned in ISO 3166 but used by the EU, the IMF and others.
		known = code === 'XK' || regionNames.of(code) !== undefined;
		knownRegions.set(code, known);
	}
	return known;
}

let codes: string[] | undefined;
/** Every country code the model accepts (ISO 3166 regions, and XK), in code order. */
export function countryCodes(): readonly string[] {
	if (!codes) {
		codes = [];
		for (let a = 65; a <= 90; a++)
			for (let b = 65; b <= 90; b++) {
				const code = String.fromCharCode(a, b);
				if (isKnownRegion(code)) codes.push(code);
			}
	}
	return codes;
}

export const CONFIDENCES = ['confirmed', 'reported', 'claimed', 'denied', 'unassessed'] as const;
/**
 * How sure the record is: `confirmed` (official statements of the parties or several independent
 * wire reports), `reported` (credible media or governments, not confirmed by the parties),
 * `claimed` (one interested party only), `denied` (a party involved publicly denied it),
 * `unassessed` (nobody has judged the claim: what an import from a format that carries no
 * confidence gets, rather than a judgement the file never made).
 */
export type Confidence = (typeof CONFIDENCES)[number];

export const ACTOR_KINDS = ['person', 'state', 'organisation', 'company'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

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
export type EventKind = (typeof EVENT_KINDS)[number];

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

/** Whether a relation is directed: its own flag, or its type's default. */
export function isDirected(relation: Relation): boolean {
	return relation.directed ?? RELATION_DIRECTED[relation.type];
}
