/**
 * TimelineJS3 JSON → native records. Year-only and year–month dates keep their precision;
 * `group` becomes a tag or an actor, as the user chooses; `media` stays media, with its caption
 * and credit (a credit attributes a picture: it is not a source); links in the headline and text
 * become sources; HTML is reduced to plain text; `unique_id` is the id (else a stable hash of
 * title and start); eras become periods; fields the model has no place for are kept in `extra`.
 * TimelineJS carries no confidence, so every event is `unassessed`: Trama does not judge a claim
 * for the file.
 */
import { fromParts, fromSignedYear, type PartialDate } from '../model/dates';
import { msg, type Message } from '../model/messages';
import { mediaSchema, type Media, type Source, type TramaEventInput } from '../model/schema';
import type { Problem } from '../model/validate';
import { htmlToText } from './html';
import {
	isObject,
	madeId,
	setOwn,
	stableHash,
	validateEvents,
	validatePeriods,
	toImportResult,
	type ImportResult,
	extraField
} from './result';

export interface TimelineJsOptions {
	/** What a TimelineJS `group` becomes. */
	group: 'tag' | 'actor';
	datasetId: string;
	datasetName: string;
	onProgress?: (done: number, total: number) => void;
}

/** True when the JSON looks like a TimelineJS3 file. */
export function isTimelineJs(json: unknown): boolean {
	if (!isObject(json) || !Array.isArray(json.events)) return false;
	const first: unknown = json.events[0];
	return json.events.length === 0
		? 'title' in json || 'eras' in json
		: isObject(first) && 'start_date' in first;
}

const PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

/** The part of a date object a date error is about: "13 is not a month" → `month`. */
function partAtFault(error: Message): (typeof PARTS)[number] {
	switch (error.code) {
		case 'date.notAMonth':
			return 'month';
		case 'date.notADay':
			return 'day';
		case 'date.notAnHour':
			return 'hour';
		case 'date.notAMinute':
		case 'date.minutesNeedHour':
			return 'minute';
		case 'date.notASecond':
			return 'second';
		default:
			return 'year';
	}
}

/**
 * A TimelineJS date object; its parts may be numbers or strings ("08"). TimelineJS3 shows a
 * negative year as its absolute value with "BCE" (`year: -300` reads "300 BCE"), so its years
 * count without a year 0: -300 becomes astronomical -299 (see `fromSignedYear`). Its hours and
 * minutes are wall times with no zone (TimelineJS3 builds a local Date from them): they stay
 * zone-less here, never labelled UTC.
 */
function readDate(value: unknown, path: string, problems: Problem[]): PartialDate | undefined {
	if (!isObject(value)) {
		problems.push({ path, message: msg('import.dateNotObject') });
		return undefined;
	}
	const parts: Record<string, number> = {};
	for (const name of PARTS) {
		const raw = value[name];
		if (raw === undefined || raw === null || raw === '') continue;
		const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
		if (!Number.isInteger(n)) {
			problems.push({
				path: `${path}.${name}`,
				message: msg('import.notWholeNumber', { value: String(JSON.stringify(raw)) })
			});
			return undefined;
		}
		parts[name] = n;
	}
	if (parts.year === undefined) {
		problems.push({ path: `${path}.year`, message: msg('import.yearMissing') });
		return undefined;
	}
	const result = fromParts(
		{ ...parts, year: fromSignedYear(parts.year) },
		parts.hour === undefined ? 'utc' : 'unstated'
	);
	if (!result.ok) {
		// Name the part at fault: "events[12].start_date.month: 13 is not a month".
		problems.push({ path: `${path}.${partAtFault(result.error)}`, message: result.error });
		return undefined;
	}
	return result.value;
}

function text(value: unknown): { text: string; links: { url: string; text: string }[] } {
	return typeof value === 'string' ? htmlToText(value) : { text: '', links: [] };
}

const MEDIA_FIELDS = new Set(['url', 'caption', 'credit', 'alt', 'thumbnail']);

/** An address as TimelineJS writes it: http(s), or protocol-relative ("//host/…", read as https). */
function address(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const url = value.trim();
	if (/^https?:\/\//i.test(url)) return url;
	if (/^\/\/[^/\s]/.test(url)) return `https:${url}`;
	return undefined;
}

/**
 * A TimelineJS `media` object as the model's media: its address, and caption and credit as
 * plain text. `whole` says whether the model's media says all the object did; when it does not
 * (HTML with links in the credit, a relative address, a quote instead of an address, fields the
 * model lacks), the object is kept as it was in the event's `extra`.
 */
function readMedia(raw: Record<string, unknown>): { media?: Media; whole: boolean } {
	// An empty media object ({ "url": "", "caption": "" }, as templates leave them) says nothing.
	if (Object.values(raw).every((v) => v === '' || v === null)) return { whole: true };
	const url = address(raw.url);
	if (url === undefined) return { whole: false };
	const caption = text(raw.caption).text.slice(0, 2000);
	const credit = text(raw.credit).text.slice(0, 500);
	const alt = typeof raw.alt === 'string' ? raw.alt.trim().slice(0, 1000) : '';
	const thumbnail = address(raw.thumbnail);
	const candidate = {
		url,
		...(caption ? { caption } : {}),
		...(credit ? { credit } : {}),
		...(alt ? { alt } : {}),
		...(thumbnail ? { thumbnail } : {})
	};
	const checked = mediaSchema.safeParse(candidate);
	if (!checked.success) return { whole: false };
	const same = (key: string, value: string | undefined) => {
		const original = raw[key];
		return original === undefined || original === '' ? value === undefined : original === value;
	};
	const whole =
		Object.keys(raw).every((k) => MEDIA_FIELDS.has(k)) &&
		raw.url === url &&
		same('caption', checked.data.caption) &&
		same('credit', checked.data.credit) &&
		same('alt', checked.data.alt) &&
		same('thumbnail', checked.data.thumbnail);
	return { media: checked.data, whole };
}

const KNOWN_EVENT_FIELDS = new Set([
	'start_date',
	'end_date',
	'text',
	'media',
	'group',
	'unique_id'
]);

export function fromTimelineJs(json: unknown, options: TimelineJsOptions): ImportResult {
	const root = isObject(json) ? json : {};
	const rawEvents = Array.isArray(root.events) ? (root.events as unknown[]) : [];
	const actors = new Map<
		string,
		{ id: string; name: string; kind: 'organisation'; aliases: string[] }
	>();
	const candidates = rawEvents.map((raw, index) => {
		const path = `events[${index}]`;
		const problems: Problem[] = [];
		if (!isObject(raw)) {
			problems.push({ path, message: msg('import.eventNotObject') });
			return { index, input: undefined, problems };
		}
		const start = readDate(raw.start_date, `${path}.start_date`, problems);
		const end =
			raw.end_date === undefined ? undefined : readDate(raw.end_date, `${path}.end_date`, problems);
		const t = isObject(raw.text) ? raw.text : {};
		const headline = text(t.headline);
		const body = text(t.text);
		const rawMedia = isObject(raw.media) ? raw.media : undefined;
		const caption = text(rawMedia?.caption);
		if (!start) return { index, input: undefined, problems };

		const title =
			headline.text ||
			body.text.split('\n')[0]?.slice(0, 120) ||
			caption.text.slice(0, 120) ||
			`Untitled event of ${start}`;
		// Sources are what the slide's own text cites; a media credit only attributes a picture.
		const sources: Source[] = [];
		const seen = new Set<string>();
		for (const link of [...headline.links, ...body.links]) {
			if (seen.has(link.url)) continue;
			seen.add(link.url);
			sources.push({ url: link.url, ...(link.text ? { title: link.text.slice(0, 500) } : {}) });
		}
		const { media, whole } = rawMedia ? readMedia(rawMedia) : { whole: true };

		// A group is text, as vis-timeline's are: its markup is read as text (and kept in `extra`).
		const group = typeof raw.group === 'string' ? htmlToText(raw.group).text.trim() : '';
		const participants: TramaEventInput['participants'] = [];
		const tags: string[] = [];
		if (group) {
			if (options.group === 'actor') {
				const id = madeId('group', group);
				actors.set(id, { id, name: group.slice(0, 300), kind: 'organisation', aliases: [] });
				participants.push({ actor: id });
			} else tags.push(group.slice(0, 100));
		}
		const extra: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(raw))
			if (!KNOWN_EVENT_FIELDS.has(key)) setOwn(extra, key, value);
		if (rawMedia && !whole) extra.media = rawMedia;
		else if (raw.media !== undefined && raw.media !== null && !rawMedia) extra.media = raw.media;
		if (isObject(raw.start_date) && raw.start_date.display_date !== undefined)
			extra.display_date = raw.start_date.display_date;
		if (typeof t.headline === 'string' && t.headline !== headline.text)
			extra.headline_html = t.headline;
		if (typeof t.text === 'string' && t.text !== body.text) extra.text_html = t.text;
		if (typeof raw.group === 'string' && raw.group.trim() !== group) extra.group_html = raw.group;

		const id =
			typeof raw.unique_id === 'string' && raw.unique_id.trim() !== ''
				? raw.unique_id.trim()
				: `tljs-${stableHash(`${title}\u0000${start}`)}`;
		const input: TramaEventInput = {
			id,
			title: title.slice(0, 500),
			...(body.text ? { summary: body.text.slice(0, 5000) } : {}),
			start,
			...(end !== undefined && end !== start ? { end } : {}),
			participants,
			tags,
			sources,
			...(media ? { media: [media] } : {}),
			kind: 'other',
			confidence: 'unassessed',
			...extraField(extra)
		};
		return {
			index,
			input,
			problems,
			generatedId: typeof raw.unique_id !== 'string' || raw.unique_id.trim() === ''
		};
	});
	const { events, problems } = validateEvents(
		candidates,
		(i) => `events[${i}]`,
		(p) =>
			p.startsWith('end')
				? p.replace(/^end/, 'end_date')
				: p.startsWith('start')
					? p.replace(/^start/, 'start_date')
					: p === 'id'
						? 'unique_id'
						: p.startsWith('media[0]')
							? p.replace(/^media\[0\]/, 'media')
							: p,
		options.onProgress
	);

	const rawEras = Array.isArray(root.eras) ? (root.eras as unknown[]) : [];
	const eraProblems: Problem[] = [];
	const eraInputs = rawEras.map((raw, index) => {
		const path = `eras[${index}]`;
		const era = isObject(raw) ? raw : {};
		const start = readDate(era.start_date, `${path}.start_date`, eraProblems);
		const end = readDate(era.end_date, `${path}.end_date`, eraProblems);
		const label =
			text(isObject(era.text) ? era.text.headline : undefined).text || `Era ${index + 1}`;
		return {
			index,
			input:
				start && end
					? { id: `era-${stableHash(`${label}\u0000${start}`)}`, label, start, end }
					: undefined
		};
	});
	const periodsResult = validatePeriods(
		eraInputs.filter((e) => e.input !== undefined),
		(i) => `eras[${i}]`
	);
	// Two eras with the same label and start are one era written twice.
	const periodIds = new Set<string>();
	const periods = periodsResult.periods.filter((p) => {
		if (periodIds.has(p.id)) {
			periodsResult.problems.push({
				path: 'eras',
				message: msg('import.eraTwice', { label: p.label, start: p.start })
			});
			return false;
		}
		periodIds.add(p.id);
		return true;
	});

	const titleSlide =
		isObject(root.title) && isObject(root.title.text) ? root.title.text : undefined;
	const name = text(titleSlide?.headline).text || options.datasetName;
	const description = text(titleSlide?.text).text;
	return toImportResult(
		'timelinejs',
		{
			dataset: {
				id: options.datasetId,
				name: name.slice(0, 200),
				...(description ? { description: description.slice(0, 5000) } : {})
			},
			actors: [...actors.values()],
			periods,
			events
		},
		[...problems, ...eraProblems, ...periodsResult.problems],
		rawEvents.length,
		options
	);
}
