/**
 * Partial dates: the one place in Trama that parses, orders and formats dates.
 *
 * A partial date is stored as an ISO 8601 string cut at the precision the source gave:
 * `2013` (year), `2023-09` (month), `2023-09-13` (day) or `2023-09-13T14:30Z` / `…T14:30:05Z`
 * (time in UTC). The string's shape *is* its precision, so the two can never disagree.
 *
 * A time the source gave without a zone ("2023-09-13T10:00", as TimelineJS3 and many spreadsheets
 * write it) keeps its shape without the `Z`: it is a wall time in an unknown zone. Trama never
 * invents the zone: it shows "10:00" with no zone label, and places it on the time axis as if it
 * were UTC (the only position that needs no guess).
 *
 * Years are astronomical, as in ISO 8601: `0000` is 1 BCE, `-0299` is 300 BCE. On screen a year
 * before 1 reads with the locale's era ("300 BCE" in English, "300 a. C." in Spanish). Supported
 * years: {@link MIN_YEAR} (10000 BCE) to {@link MAX_YEAR}.
 *
 * Everything is computed and shown in UTC: a day-precision event never slides to the previous
 * day for a reader west of Greenwich.
 */

import { MessageError } from './errors';
import { msg, type Message } from './messages';

export type Precision = 'year' | 'month' | 'day' | 'time';

/** A validated partial date string (see the module comment for its shapes). */
export type PartialDate = string & { readonly __brand: 'PartialDate' };

/** The first supported year, astronomical: 10000 BCE. */
export const MIN_YEAR = -9999;
export const MAX_YEAR = 9999;

/** The shapes a partial date may take; also published in the JSON Schema. */
export const PARTIAL_DATE_PATTERN =
	'^-?[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?Z?)?)?)?$';
const SHAPE = new RegExp(PARTIAL_DATE_PATTERN);

export const PRECISIONS: readonly Precision[] = ['year', 'month', 'day', 'time'];

/** The numeric parts of a partial date; parts below the precision are absent. */
export interface DateParts {
	year: number;
	month?: number;
	day?: number;
	hour?: number;
	minute?: number;
	second?: number;
}

/** Whether a time is in UTC (`Z`) or a wall time the source gave without a zone. */
export type Zone = 'utc' | 'unstated';

/** A date, or why the input is not one (a message `i18n` puts into words). */
export type DateResult = { ok: true; value: PartialDate } | { ok: false; error: Message };

/** Milliseconds since the epoch for a UTC wall time; unlike Date.UTC, years 1–99 stay themselves. */
function utcMs(year: number, month = 1, day = 1, hour = 0, minute = 0, second = 0): number {
	const d = new Date(0);
	d.setUTCFullYear(year, month - 1, day);
	d.setUTCHours(hour, minute, second, 0);
	return d.getTime();
}

function daysInMonth(year: number, month: number): number {
	return new Date(utcMs(year, month + 1, 1) - 86_400_000).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** An ISO 8601 year of four digits, with a minus sign before year 0: `0044`, `0000`, `-0299`. */
const isoYear = (year: number) => (year < 0 ? `-${pad(-year, 4)}` : pad(year, 4));

/** The refusal of a year outside the supported range: the same message for every such year. */
export const yearOutOfRange = (): Message =>
	msg('date.yearOutOfRange', { min: MIN_YEAR, max: MAX_YEAR });

/**
 * Builds a partial date from numeric parts (astronomical year), checking each one. The precision
 * is the finest part given; a part may not be given without the coarser ones (a day needs a
 * month). A time is in UTC unless `zone` says the source gave none.
 */
export function fromParts(parts: DateParts, zone: Zone = 'utc'): DateResult {
	const { year, month, day, hour, minute, second } = parts;
	const refuse = (error: Message): DateResult => ({ ok: false, error });
	if (!Number.isInteger(year)) return refuse(msg('date.notAYear', { value: year }));
	if (year < MIN_YEAR || year > MAX_YEAR) return refuse(yearOutOfRange());
	let out = isoYear(year);
	if (month === undefined) {
		if (day !== undefined || hour !== undefined) return refuse(msg('date.dayNeedsMonth'));
		return { ok: true, value: out as PartialDate };
	}
	if (!Number.isInteger(month) || month < 1 || month > 12) {
		return refuse(msg('date.notAMonth', { value: month }));
	}
	out += `-${pad(month)}`;
	if (day === undefined) {
		if (hour !== undefined) return refuse(msg('date.timeNeedsDay'));
		return { ok: true, value: out as PartialDate };
	}
	const last = daysInMonth(year, month);
	if (!Number.isInteger(day) || day < 1 || day > last) {
		return refuse(msg('date.notADay', { value: day, year, month, days: last }));
	}
	out += `-${pad(day)}`;
	if (hour === undefined) {
		if (minute !== undefined || second !== undefined) return refuse(msg('date.minutesNeedHour'));
		return { ok: true, value: out as PartialDate };
	}
	if (!Number.isInteger(hour) || hour < 0 || hour > 23)
		return refuse(msg('date.notAnHour', { value: hour }));
	const min = minute ?? 0;
	if (!Number.isInteger(min) || min < 0 || min > 59)
		return refuse(msg('date.notAMinute', { value: min }));
	out += `T${pad(hour)}:${pad(min)}`;
	if (second !== undefined) {
		if (!Number.isInteger(second) || second < 0 || second > 59)
			return refuse(msg('date.notASecond', { value: second }));
		out += `:${pad(second)}`;
	}
	return { ok: true, value: `${out}${zone === 'utc' ? 'Z' : ''}` as PartialDate };
}

/** The number written by `n` decimal digits of `text` from `at`. */
function digits(text: string, at: number, n: number): number {
	let value = 0;
	for (let i = at; i < at + n; i++) value = value * 10 + text.charCodeAt(i) - 48;
	return value;
}

/**
 * Splits a partial date into its numeric parts (no validation: use on validated values). Each
 * part sits at a fixed place in the shape (`PARTIAL_DATE_PATTERN`), after an optional minus: read
 * there, digit by digit (an import reads every event's dates; splitting the text into arrays took
 * about a tenth of checking 100,000 events).
 */
export function toParts(date: PartialDate): DateParts {
	const o = date.charCodeAt(0) === 45 /* - */ ? 1 : 0;
	const length = date.length - o - (date.endsWith('Z') ? 1 : 0);
	const year = digits(date, o, 4);
	const parts: DateParts = { year: o ? -year : year };
	if (length >= 7) parts.month = digits(date, o + 5, 2);
	if (length >= 10) parts.day = digits(date, o + 8, 2);
	if (length >= 16) {
		parts.hour = digits(date, o + 11, 2);
		parts.minute = digits(date, o + 14, 2);
		if (length >= 19) parts.second = digits(date, o + 17, 2);
	}
	return parts;
}

/**
 * Parses a partial date string in the native shape. The error says what is wrong in terms a
 * user can act on: `"2023-13": 13 is not a month`.
 */
export function parsePartialDate(input: string): DateResult {
	const text = input.trim();
	if (text === '') return { ok: false, error: msg('date.empty') };
	// Five digits or more ("10000", ISO's expanded "+10000"): outside the years we support.
	if (/^[-+]?[0-9]{5,}/.test(text)) {
		return { ok: false, error: yearOutOfRange() };
	}
	// "-0000" is 0000 written twice over; one spelling per date.
	if (!SHAPE.test(text) || text.startsWith('-0000'))
		return { ok: false, error: msg('date.shape', { text }) };
	const result = fromParts(toParts(text as PartialDate), zoneOf(text as PartialDate));
	if (!result.ok) return { ok: false, error: msg('date.at', { text, reason: result.error }) };
	return result;
}

/** True when the string is a valid partial date. */
export function isPartialDate(input: string): input is PartialDate {
	return parsePartialDate(input).ok;
}

/** Whether a time is in UTC or was given without a zone; dates without a time are `utc`. */
export function zoneOf(date: PartialDate): Zone {
	return date.includes('T') && !date.endsWith('Z') ? 'unstated' : 'utc';
}

/** The precision a partial date carries, read from its shape. */
export function precisionOf(date: PartialDate): Precision {
	if (date.includes('T')) return 'time';
	switch (date.replace(/^-/, '').length) {
		case 4:
			return 'year';
		case 7:
			return 'month';
		default:
			return 'day';
	}
}

/** First millisecond covered by the date (UTC). */
export function startMs(date: PartialDate): number {
	const p = toParts(date);
	return utcMs(p.year, p.month, p.day, p.hour, p.minute, p.second);
}

/**
 * First millisecond after the date's span: the end of its year, month or day; a time is a
 * point and ends one second (or one minute, without seconds) later.
 */
export function endMs(date: PartialDate): number {
	const p = toParts(date);
	switch (precisionOf(date)) {
		case 'year':
			return utcMs(p.year + 1);
		case 'month':
			return utcMs(p.year, (p.month ?? 1) + 1);
		case 'day':
			return utcMs(p.year, p.month, (p.day ?? 1) + 1);
		case 'time':
			return startMs(date) + (p.second === undefined ? 60_000 : 1_000);
	}
}

/** Orders partial dates by their first instant; at equal starts the coarser (longer) span first. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
	return startMs(a) - startMs(b) || endMs(b) - endMs(a);
}

/** Half-open interval in UTC milliseconds: `start` inclusive, `end` exclusive. */
export interface Span {
	start: number;
	end: number;
}

/** The instants of the supported years: 1 January 10000 BCE to the end of 9999. */
export const SUPPORTED_SPAN: Readonly<Span> = { start: utcMs(MIN_YEAR), end: utcMs(MAX_YEAR + 1) };

/**
 * The astronomical year of a year as TimelineJS3 and spreadsheets write it, with no year 0:
 * `-300` is 300 BCE, which is astronomical `-299`. A year 0 in such a source has no historical
 * meaning; it is read as 1 BCE (astronomical `0`).
 */
export function fromSignedYear(year: number): number {
	return year < 0 ? year + 1 : year;
}

/** The inverse of {@link fromSignedYear}: astronomical `-299` (300 BCE) is written `-300`. */
export function toSignedYear(year: number): number {
	return year <= 0 ? year - 1 : year;
}

/** The partial date of a UTC instant, at the given precision (for "now", bounds and defaults). */
export function partialDateFromMs(ms: number, precision: Precision = 'day'): PartialDate {
	const d = new Date(ms);
	const parts: DateParts = { year: d.getUTCFullYear() };
	if (precision !== 'year') parts.month = d.getUTCMonth() + 1;
	if (precision === 'day' || precision === 'time') parts.day = d.getUTCDate();
	if (precision === 'time') {
		parts.hour = d.getUTCHours();
		parts.minute = d.getUTCMinutes();
	}
	const result = fromParts(parts);
	if (!result.ok) throw new MessageError(result.error);
	return result.value;
}

const FORMAT_OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
	year: { year: 'numeric' },
	month: { year: 'numeric', month: 'short' },
	day: { year: 'numeric', month: 'short', day: 'numeric' },
	time: {
		year: 'numeric',
		month: 'short',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}
};

/**
 * Era names Intl does not give: CLDR's English "variant" abbreviations, BCE and CE, which
 * Trama's English uses instead of BC and AD. Other languages keep Intl's own ("a. C.").
 */
const ERA_VARIANTS: Record<string, { before: string; after: string }> = {
	en: { before: 'BCE', after: 'CE' }
};

interface Style {
	/** Show seconds (the source gave them). */
	seconds: boolean;
	/** Name the zone: "UTC" after a time in UTC, nothing after a time given without a zone. */
	zoneName: boolean;
	/** Name the era: always before year 1, where the year alone would be wrong. */
	era: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, precision: Precision, style: Style): Intl.DateTimeFormat {
	const key = `${locale}|${precision}|${style.seconds}|${style.zoneName}|${style.era}`;
	let f = formatters.get(key);
	if (!f) {
		const options: Intl.DateTimeFormatOptions = { ...FORMAT_OPTIONS[precision], timeZone: 'UTC' };
		if (precision === 'time' && style.seconds) options.second = '2-digit';
		if (precision === 'time' && style.zoneName) options.timeZoneName = 'short';
		if (style.era) options.era = 'short';
		f = new Intl.DateTimeFormat(locale, options);
		formatters.set(key, f);
	}
	return f;
}

/** Formats an instant; with the era, English's "BC"/"AD" become "BCE"/"CE". */
function formatInstant(ms: number, locale: string, precision: Precision, style: Style): string {
	const f = formatter(locale, precision, style);
	if (!style.era) return f.format(ms);
	let variant: { before: string; after: string } | undefined;
	try {
		variant = ERA_VARIANTS[new Intl.Locale(locale).language];
	} catch {
		variant = undefined;
	}
	const before = new Date(ms).getUTCFullYear() <= 0;
	return f
		.formatToParts(ms)
		.map((p) => (p.type === 'era' && variant ? (before ? variant.before : variant.after) : p.value))
		.join('');
}

const hasSeconds = (date: PartialDate) => /T[0-9]{2}:[0-9]{2}:[0-9]{2}/.test(date);
const styleOf = (date: PartialDate, era = toParts(date).year <= 0): Style => ({
	seconds: hasSeconds(date),
	zoneName: zoneOf(date) === 'utc',
	era
});

/**
 * Formats a partial date at its own precision, in UTC: "2013", "Sept 2023", "13 Sept 2023",
 * "13 Sept 2023, 14:30 UTC", "300 BCE" (en-GB). A time given without a zone has no zone name:
 * "13 Sept 2023, 10:00".
 */
export function formatPartialDate(date: PartialDate, locale: string): string {
	return formatInstant(startMs(date), locale, precisionOf(date), styleOf(date));
}

/** A year alone, astronomical: 2023 is "2023", -299 is "300 BCE" (en-GB), 0 is "1 BCE". */
export function formatYear(year: number, locale: string): string {
	return formatInstant(utcMs(year), locale, 'year', {
		seconds: false,
		zoneName: false,
		era: year <= 0
	});
}

/**
 * Formats a span of two partial dates as a reader expects ("10–13 Sept 2023",
 * "Sept – Dec 2023", "3500 BCE – 300 BCE", "300 BCE – 14 CE"). Without an end, or with an end
 * equal to the start, it is one date.
 */
export function formatDateRange(
	start: PartialDate,
	end: PartialDate | undefined,
	locale: string
): string {
	// Dates repeat (many events share a day, a table row says its date twice, and redraws say
	// it again), and Intl takes tens of µs per call: the texts made last are kept.
	const key = `${locale}|${start}|${end ?? ''}`;
	let text = rangeTexts.get(key);
	if (text === undefined) {
		if (rangeTexts.size >= RANGE_TEXTS_KEPT) rangeTexts.clear();
		text = formatRangeNow(start, end, locale);
		rangeTexts.set(key, text);
	}
	return text;
}

/** How many formatted dates `formatDateRange` keeps before it starts again. */
const RANGE_TEXTS_KEPT = 10_000;
const rangeTexts = new Map<string, string>();

function formatRangeNow(start: PartialDate, end: PartialDate | undefined, locale: string): string {
	if (end === undefined || end === start) return formatPartialDate(start, locale);
	const precision = precisionOf(start);
	const [a, b] = [styleOf(start), styleOf(end)];
	if (a.era || b.era) {
		// Either side before year 1: both name their era, so "300 BCE – 14 CE" cannot be misread.
		const s = formatInstant(startMs(start), locale, precision, { ...a, era: true });
		const e = formatInstant(startMs(end), locale, precisionOf(end), { ...b, era: true });
		return `${s} – ${e}`;
	}
	if (precision === precisionOf(end) && a.seconds === b.seconds && a.zoneName === b.zoneName) {
		return formatter(locale, precision, a).formatRange(startMs(start), startMs(end));
	}
	return `${formatPartialDate(start, locale)} – ${formatPartialDate(end, locale)}`;
}

/**
 * The date for an HTML `datetime` attribute, which has no years before 1: undefined for them,
 * the partial date itself otherwise (its shapes are HTML's year, month, date, and global or
 * local date-time).
 */
export function htmlDatetime(date: PartialDate): string | undefined {
	return toParts(date).year >= 1 ? date : undefined;
}

/**
 * A moment on the user's own clock, not an event date: when a backup was made, when JSON was
 * pasted ("22 Nov 2026, 21:30" in en-GB).
 */
export function formatLocalInstant(ms: number, locale: string): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** The precision that suits axis ticks `stepMs` apart: years, months, days or times. */
export function precisionForStep(stepMs: number): Precision {
	const day = 86_400_000;
	return stepMs >= 360 * day
		? 'year'
		: stepMs >= 28 * day
			? 'month'
			: stepMs >= day
				? 'day'
				: 'time';
}

/**
 * An ISO 8601 instant in UTC for a millisecond time, e.g. for `data-window-start`; years before
 * 0 or after 9999 in ISO's expanded form ("-000299-01-01T00:00:00.000Z").
 */
export function isoInstant(ms: number): string {
	return new Date(ms).toISOString();
}

const INSTANT =
	/^([+-][0-9]{6}|[0-9]{4})-([0-9]{2})-([0-9]{2})T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,3})?)?Z$/;

/**
 * Parses a full ISO 8601 instant in UTC ("2023-09-13T00:00:00.000Z", "-000299-01-01T00:00:00Z",
 * as in URLs and test hooks) to milliseconds; undefined when it is not one or outside the
 * supported years.
 */
export function parseInstant(text: string): number | undefined {
	const m = INSTANT.exec(text);
	if (!m) return undefined;
	// The calendar date must exist: Date.parse would roll 30 February over into March.
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (!fromParts({ year: y, month: mo, day: d }).ok) return undefined;
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) return undefined;
	const year = new Date(ms).getUTCFullYear();
	return year >= MIN_YEAR && year <= MAX_YEAR ? ms : undefined;
}

/** "300 BCE", "300 BC", "300 B.C." → astronomical -299; "14 CE", "14 AD", "AD 14" → 14. */
function parseEraYear(text: string): DateResult | undefined {
	const before = /^([0-9]{1,12})\s*(?:BCE|BC|B\.\s?C\.(?:\s?E\.)?)$/i.exec(text);
	if (before) {
		const n = Number(before[1]);
		return n < 1 ? undefined : fromParts({ year: 1 - n });
	}
	const after =
		/^(?:([0-9]{1,12})\s*(?:CE|AD|A\.\s?D\.|C\.\s?E\.)|(?:AD|A\.\s?D\.)\s*([0-9]{1,12}))$/i.exec(
			text
		);
	if (after) {
		const n = Number(after[1] ?? after[2]);
		return n < 1 ? undefined : fromParts({ year: n });
	}
	return undefined;
}

/**
 * Reads the dates foreign formats write (vis-timeline items, plain records): a partial date
 * ("2023", "2023-09", "2023-09-13", "-0299"), a year with its era ("300 BCE"), an ISO date-time
 * with any offset (kept to the minute or second, in UTC) or without one (kept as the wall time
 * given, with no zone), or milliseconds since 1970. Anything else is refused with the reason.
 */
export function parseLooseDate(input: unknown): DateResult {
	if (typeof input === 'number') {
		if (!Number.isFinite(input))
			return { ok: false, error: msg('date.notFinite', { value: input }) };
		const d = new Date(input);
		if (Number.isNaN(d.getTime())) return { ok: false, error: yearOutOfRange() };
		const result = fromParts({
			year: d.getUTCFullYear(),
			month: d.getUTCMonth() + 1,
			day: d.getUTCDate(),
			hour: d.getUTCHours(),
			minute: d.getUTCMinutes(),
			...(d.getUTCSeconds() ? { second: d.getUTCSeconds() } : {})
		});
		return result;
	}
	if (typeof input !== 'string') return { ok: false, error: msg('date.wrongType') };
	let text = input.trim();
	// ISO 8601's expanded years, as JavaScript writes them ("-000299-01-01T00:00:00.000Z").
	const expanded = /^([+-])([0-9]{6})(?=-|$)/.exec(text);
	if (expanded) {
		const year = Number(expanded[2]) * (expanded[1] === '-' ? -1 : 1);
		if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, error: yearOutOfRange() };
		if (expanded[0] === '-000000') return { ok: false, error: msg('date.shape', { text }) };
		text = isoYear(year) + text.slice(expanded[0].length);
	}
	const partial = parsePartialDate(text);
	if (partial.ok) return partial;
	const era = parseEraYear(text);
	if (era) return era;
	const m =
		/^(-?\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
			text
		);
	if (!m) return partial;
	const [, y, mo, d, h, mi, s, zone] = m;
	const given = {
		year: Number(y),
		month: Number(mo),
		day: Number(d),
		hour: Number(h),
		minute: Number(mi)
	};
	if (!zone) {
		// No zone given: keep the wall time as written, and that no zone was stated.
		const wall = fromParts(s ? { ...given, second: Number(s) } : given, 'unstated');
		return wall.ok ? wall : { ok: false, error: msg('date.at', { text, reason: wall.error }) };
	}
	const checked = fromParts(given);
	if (!checked.ok) return { ok: false, error: msg('date.at', { text, reason: checked.error }) };
	let offsetMin = 0;
	if (zone !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
	}
	const ms = startMs(checked.value) + (s ? Number(s) * 1000 : 0) - offsetMin * 60_000;
	const u = new Date(ms);
	return fromParts({
		year: u.getUTCFullYear(),
		month: u.getUTCMonth() + 1,
		day: u.getUTCDate(),
		hour: u.getUTCHours(),
		minute: u.getUTCMinutes(),
		...(s ? { second: u.getUTCSeconds() } : {})
	});
}
