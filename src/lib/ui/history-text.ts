/**
 * An event's history in words: what each change did to each field, in the interface language.
 */
import { countryName, t } from '$lib/i18n';
import { formatDateBounds, hostOf } from '$lib/i18n/format';
import { formatPartialDate } from '$lib/model/dates';
import type { FieldChange } from '$lib/model/changes';
import type { ActorId, Participant, Relation, Source, TramaEvent } from '$lib/model/schema';

/** A field's change in words: its label, and what it was and became ("—" for nothing). */
export interface FieldChangeText {
	label: string;
	before: string;
	after: string;
}

const NOTHING = '—';
const MAX_TEXT = 80;

function clip(text: string): string {
	return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** One field's value in words, short enough for a line of the history. */
function valueText(
	field: FieldChange['field'],
	value: unknown,
	nameOf: (id: ActorId) => string
): string {
	if (value === undefined || (Array.isArray(value) && value.length === 0)) return NOTHING;
	switch (field) {
		case 'start':
		case 'end':
			return formatPartialDate(value as TramaEvent['start'], t.locale);
		case 'uncertainty': {
			const u = value as NonNullable<TramaEvent['uncertainty']>;
			const parts = [u.circa ? t.history.circa : undefined, formatDateBounds({ uncertainty: u })];
			return parts.filter(Boolean).join(', ') || NOTHING;
		}
		case 'kind':
			return t.eventKind[value as TramaEvent['kind']];
		case 'confidence':
			return t.confidence[value as TramaEvent['confidence']];
		case 'place': {
			const p = value as NonNullable<TramaEvent['place']>;
			return p.country ? `${p.name}, ${countryName(p.country)}` : p.name;
		}
		case 'participants':
			return (value as Participant[])
				.map((p) => (p.role ? `${nameOf(p.actor)} (${p.role})` : nameOf(p.actor)))
				.join(', ');
		case 'relations':
			return (value as Relation[])
				.map((r) => `${nameOf(r.source)} ${t.relation[r.type]} ${nameOf(r.target)}`)
				.join('; ');
		case 'tags':
			return (value as string[]).join(', ');
		case 'sources':
			return (value as Source[])
				.map((s) => s.title ?? s.publisher ?? (s.url ? hostOf(s.url) : ''))
				.join('; ');
		case 'media':
			return t.history.mediaCount((value as unknown[]).length);
		case 'extra':
			return Object.keys(value as object).join(', ');
		default:
			// Title, summary and notes: text.
			return `“${clip(value as string)}”`;
	}
}

/** A field's change in words. */
export function fieldChangeText(
	change: FieldChange,
	nameOf: (id: ActorId) => string
): FieldChangeText {
	return {
		label: t.history.field[change.field],
		before: clip(valueText(change.field, change.before, nameOf)),
		after: clip(valueText(change.field, change.after, nameOf))
	};
}
