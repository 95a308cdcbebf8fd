/**
 * Data out: the native format (one dataset, or a selection), CSV and TimelineJS3 JSON. Pure:
 * the caller gathers the records and downloads the text. Exported text is data, never markup or
 * formulas: TimelineJS renders HTML, so text is escaped for it; CSV cells that a spreadsheet
 * would run as a formula are neutralised (papaparse's `escapeFormulae`).
 */
import Papa from 'papaparse';
import { toParts, toSignedYear, type PartialDate } from '../model/dates';
import { actorsUsedBy } from '../model/events';
import {
	FORMAT_NAME,
	FORMAT_VERSION,
	type Actor,
	type ActorId,
	type NativeFile,
	type Period,
	type TramaEvent
} from '../model/schema';
import { slug, stableHash } from './result';

/**
 * A native file of some model events (see `fromStored`): the actors they involve, the periods given, the dataset named.
 * Events with the same id from different datasets (a selection) get the dataset's id appended,
 * so the file stays valid.
 */
export function nativeFileOf(
	dataset: { id: string; name: string; description?: string },
	events: readonly (TramaEvent & { datasetId?: string })[],
	actors: ReadonlyMap<ActorId, Actor>,
	periods: readonly Period[] = []
): NativeFile {
	const seen = new Set<string>();
	const out: TramaEvent[] = [];
	for (const { datasetId, ...event } of events) {
		const id = seen.has(event.id)
			? `${event.id}~${datasetId ?? stableHash(event.title)}`
			: event.id;
		seen.add(id);
		out.push(id === event.id ? event : { ...event, id: id as TramaEvent['id'] });
	}
	const used = actorsUsedBy(out);
	return {
		format: FORMAT_NAME,
		version: FORMAT_VERSION,
		dataset: {
			id: dataset.id,
			name: dataset.name,
			...(dataset.description ? { description: dataset.description } : {})
		} as NativeFile['dataset'],
		actors: [...used]
			.flatMap((id) => actors.get(id) ?? [])
			.sort((a, b) => a.id.localeCompare(b.id)),
		periods: [...periods],
		events: out
	};
}

/** The native file as text, indented like the shipped files. */
export function nativeText(file: NativeFile): string {
	return `${JSON.stringify(file, null, '\t')}\n`;
}

export const CSV_COLUMNS = [
	'id',
	'dataset',
	'title',
	'start',
	'end',
	'circa',
	'kind',
	'confidence',
	'actors',
	'place',
	'country',
	'tags',
	'summary',
	'sources',
	'notes'
] as const;

/**
 * Cells a spreadsheet could run as a formula: beginning with =, +, -, @, a tab or a carriage
 * return. A date before year 1 ("-0299", "-0299-03-15T10:00Z") begins with a minus but holds
 * only digits and date separators, nothing a spreadsheet can call: it stays as written, so the
 * CSV's dates read back as the same ISO 8601 dates.
 */
const FORMULA =
	/^(?!-[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?Z?)?)?)?$)[=+\-@\t\r]/;

/**
 * One row per event: actors by name and sources by URL (or title) joined with "; ". Cells that
 * begin with =, +, -, @, a tab or a carriage return get a leading ' so spreadsheets show them
 * as text.
 */
export function toCsv(
	events: readonly (TramaEvent & { datasetId?: string })[],
	actors: ReadonlyMap<ActorId, Actor>,
	datasetName: (id: string) => string = (id) => id
): string {
	const rows = events.map((e) => ({
		id: e.id,
		dataset: e.datasetId === undefined ? '' : datasetName(e.datasetId),
		title: e.title,
		start: e.start,
		end: e.end ?? '',
		circa: e.uncertainty?.circa ? 'yes' : '',
		kind: e.kind,
		confidence: e.confidence,
		actors: e.participants.map((p) => actors.get(p.actor)?.name ?? p.actor).join('; '),
		place: e.place?.name ?? '',
		country: e.place?.country ?? '',
		tags: e.tags.join('; '),
		summary: e.summary ?? '',
		sources: e.sources.map((s) => s.url ?? s.title ?? '').join('; '),
		notes: e.notes ?? ''
	}));
	return Papa.unparse(
		{ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) },
		{ escapeFormulae: FORMULA, newline: '\r\n', quotes: false }
	);
}

/**
 * An address for a format that puts it into a page: http(s) only, as the URL standard writes it
 * (quotes, angle brackets and spaces percent-encoded); anything else is left out.
 */
export function webAddress(url: string): string | undefined {
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
	} catch {
		return undefined;
	}
}

/** Text for a format that renders HTML: &, <, > and quotes escaped. */
export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/**
 * A TimelineJS3 date object. TimelineJS3 counts years without a year 0 (`year: -300` reads
 * "300 BCE"), so astronomical years before 1 are written one lower. Its times have no zone: a
 * time in UTC is written as its UTC wall time.
 */
function tljsDate(date: PartialDate): Record<string, number> {
	const p = toParts(date);
	const parts = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
	return { ...parts, year: toSignedYear(p.year) };
}

/**
 * A source as TimelineJS's HTML text: a link with its title (or address) as text, then its
 * publisher in brackets.
 */
function sourceLink(source: { url?: string; title?: string; publisher?: string }): string {
	const text = source.title ?? source.url ?? source.publisher ?? '';
	const link = source.url
		? `<a href="${escapeHtml(source.url)}">${escapeHtml(text)}</a>`
		: escapeHtml(text);
	const by =
		source.publisher && source.publisher !== text ? ` (${escapeHtml(source.publisher)})` : '';
	return link + by;
}

/**
 * A TimelineJS3 file: headline, text (escaped), dates at their precision, the event's media as
 * `media` (address, caption, credit, alternative text, thumbnail), its sources as links in a
 * paragraph of the text (TimelineJS has no place for sources; they must not pose as media), the
 * first tag (else the first actor) as group, the id as unique_id, periods as eras, the dataset as
 * the title slide. What TimelineJS cannot hold (relations, confidence, uncertainty) is left out.
 */
export function toTimelineJs(file: NativeFile, actors: ReadonlyMap<ActorId, Actor>): unknown {
	return {
		title: {
			text: {
				headline: escapeHtml(file.dataset.name),
				...(file.dataset.description ? { text: escapeHtml(file.dataset.description) } : {})
			}
		},
		events: file.events.map((e) => {
			const first = e.media?.[0];
			const mediaUrl = first && webAddress(first.url);
			const media = first && mediaUrl ? { ...first, url: mediaUrl } : undefined;
			const thumbnail = media?.thumbnail && webAddress(media.thumbnail);
			const group =
				e.tags[0] ?? (e.participants[0] ? actors.get(e.participants[0].actor)?.name : undefined);
			const paragraphs = [
				...(e.summary ? [`<p>${escapeHtml(e.summary)}</p>`] : []),
				...(e.sources.length ? [`<p>${e.sources.map(sourceLink).join(' · ')}</p>`] : [])
			];
			return {
				// The one rule for every string TimelineJS puts into its page: text is escaped, and
				// addresses are http(s) only, written out as the URL standard encodes them.
				unique_id: escapeHtml(e.id),
				start_date: tljsDate(e.start),
				...(e.end ? { end_date: tljsDate(e.end) } : {}),
				text: {
					headline: escapeHtml(e.title),
					...(paragraphs.length ? { text: paragraphs.join('') } : {})
				},
				...(media
					? {
							media: {
								url: media.url,
								...(media.caption ? { caption: escapeHtml(media.caption) } : {}),
								...(media.credit ? { credit: escapeHtml(media.credit) } : {}),
								...(media.alt ? { alt: escapeHtml(media.alt) } : {}),
								...(thumbnail ? { thumbnail } : {})
							}
						}
					: {}),
				// TimelineJS writes the group into the page as HTML, like the text.
				...(group ? { group: escapeHtml(group) } : {})
			};
		}),
		...(file.periods.length
			? {
					eras: file.periods.map((p) => ({
						start_date: tljsDate(p.start),
						end_date: tljsDate(p.end),
						text: { headline: escapeHtml(p.label) }
					}))
				}
			: {})
	};
}

/** A file name from a dataset name and the date: "trama-russia-china-2026-11-22.json". */
export function fileName(base: string, extension: string, now: Date = new Date()): string {
	return `trama-${slug(base).slice(0, 60)}-${now.toISOString().slice(0, 10)}.${extension}`;
}
