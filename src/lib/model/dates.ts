/**
 * Partial dates: the one place in Trama that parses, orders and formats dates.
 *
 * A partial date is stored as an ISO 8601 string cut at the precision the source gave:
 * `2013` (year), `2023-09` (month), `2023-09-13` (day) or `2023-09-13T14:30Z` / `…T14:30:05Z`
 * (time, always UTC). The string's shape *is* its precision, so the two can never disagree.
 *
 * Everything is computed and shown in UTC: a day-precision event never slides to the previous
 * day for a reader west of Greenwich. Supported years: {@link MIN_YEAR} to {@link MAX_YEAR}.
 */

import { MessageError } from './errors';
import { msg, type Message } from './messages';

export type Precision = 'year' | 'month' | 'day' | 'time';

/** A validated partial date string (see the module comment for its shapes). */
export type PartialDate = string & { readonly __brand: 'PartialDate' };

export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** The shapes a partial date may take; also published in the JSON Schema. */
export const PARTIAL_DATE_PATTERN =
	'^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?Z)?)?)?$';
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

/**
 * Builds a partial date from numeric parts, checking each one. The precision is the finest part
 * given; a part may not be given without the coarser ones (a day needs a month).
 */
export function fromParts(parts: DateParts): DateResult {
	const { year, month, day, hour, minute, second } = parts;
	const refuse = (error: Message): DateResult => ({ ok: false, error });
	if (!Number.isInteger(year)) return refuse(msg('date.notAYear', { value: year }));
	if (year < MIN_YEAR || year > MAX_YEAR) {
		return refuse(msg('date.yearOutOfRange', { year, min: MIN_YEAR, max: MAX_YEAR }));
	}
	let out = pad(year, 4);
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
	return { ok: true, value: `${out}Z` as PartialDate };
}

/** Splits a partial date into its numeric parts (no validation: use on validated values). */
export function toParts(date: PartialDate): DateParts {
	const [datePart = '', timePart] = date.replace(/Z$/, '').split('T');
	const [y, m, d] = datePart.split('-').map(Number);
	const parts: DateParts = { year: y ?? 0 };
	if (m !== undefined) parts.month = m;
	if (d !== undefined) parts.day = d;
	if (timePart !== undefined) {
		const [h, mi, s] = timePart.split(':').map(Number);
		parts.hour = h ?? 0;
		parts.minute = mi ?? 0;
		if (s !== undefined) parts.second = s;
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
	if (/^[-+]/.test(text) || /^[0-9]{5,}/.test(text)) {
		return { ok: false, error: msg('date.outOfRange', { text, min: MIN_YEAR, max: MAX_YEAR }) };
	}
	if (!SHAPE.test(text)) return { ok: false, error: msg('date.shape', { text }) };
	const result = fromParts(toParts(text as PartialDate));
	if (!result.ok) return { ok: false, error: msg('date.at', { text, reason: result.error }) };
	return result;
}

/** True when the string is a valid partial date. */
export function isPartialDate(input: string): input is PartialDate {
	return parsePartialDate(input).ok;
}

/** The precision a partial date carries, read from its shape. */
export function precisionOf(date: PartialDate): Precision {
	if (date.includes('T')) return 'time';
	switch (date.length) {
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
		hourCycle: 'h23',
		timeZoneName: 'short'
	}
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, precision: Precision, withSeconds = false): Intl.DateTimeFormat {
	const key = `${locale}|${precision}|${withSeconds}`;
	let f = formatters.get(key);
	if (!f) {
		const options: Intl.DateTimeFormatOptions = { ...FORMAT_OPTIONS[precision], timeZone: 'UTC' };
		if (withSeconds) options.second = '2-digit';
		f = new Intl.DateTimeFormat(locale, options);
		formatters.set(key, f);
	}
	return f;
}

const hasSeconds = (date: PartialDate) => precisionOf(date) === 'time' && date.length > 17;

/**
 * Formats a partial date at its own precision, in UTC: "2013", "Sept 2023", "13 Sept 2023",
 * "13 Sept 2023, 14:30 UTC" (en-GB).
 */
export function formatPartialDate(date: PartialDate, locale: string): string {
	return formatter(locale, precisionOf(date), hasSeconds(date)).format(startMs(date));
}

/**
 * Formats a span of two partial dates as a reader expects ("10–13 Sept 2023",
 * "Sept – Dec 2023"). Without an end, or with an end equal to the start, it is one date.
 */
export function formatDateRange(
	start: PartialDate,
	end: PartialDate | undefined,
	locale: string
): string {
	if (end === undefined || end === start) return formatPartialDate(start, locale);
	const precision = precisionOf(start);
	if (precision === precisionOf(end) && hasSeconds(start) === hasSeconds(end)) {
		return formatter(locale, precision, hasSeconds(start)).formatRange(
			startMs(start),
			startMs(end)
		);
	}
	return `${formatPartialDate(start, locale)} – ${formatPartialDate(end, locale)}`;
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

/** An ISO 8601 instant in UTC for a millisecond time, e.g. for `data-window-start`. */
export function isoInstant(ms: number): string {
	return new Date(ms).toISOString();
}

const INSTANT = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,3})?)?Z$/;

/**
 * Parses a full ISO 8601 instant in UTC ("2023-09-13T00:00:00.000Z", as in URLs and test hooks)
 * to milliseconds; undefined when it is not one or outside years 1–9999.
 */
export function parseInstant(text: string): number | undefined {
	if (!INSTANT.test(text)) return undefined;
	// The calendar date must exist: Date.parse would roll 30 February over into March.
	const [y = 0, m = 0, d = 0] = text.slice(0, 10).split('-').map(Number);
	if (!fromParts({ year: y, month: m, day: d }).ok) return undefined;
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) return undefined;
	const year = new Date(ms).getUTCFullYear();
	return year >= MIN_YEAR && year <= MAX_YEAR ? ms : undefined;
}

/**
 * Reads the dates foreign formats write (vis-timeline items, plain records): a partial date
 * ("2023", "2023-09", "2023-09-13"), an ISO date-time with any offset (kept to the minute or
 * second, in UTC), or milliseconds since 1970. Anything else is refused with the reason.
 */
export function parseLooseDate(input: unknown): DateResult {
	if (typeof input === 'number') {
		if (!Number.isFinite(input))
			return { ok: false, error: msg('date.notFinite', { value: input }) };
		const d = new Date(input);
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
	const text = input.trim();
	const partial = parsePartialDate(text);
	if (partial.ok) return partial;
	const m =
		/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
			text
		);
	if (!m) return partial;
	const [, y, mo, d, h, mi, s, zone] = m;
	const checked = fromParts({
		year: Number(y),
		month: Number(mo),
		day: Number(d),
		hour: Number(h),
		minute: Number(mi)
	});
	if (!checked.ok) return { ok: false, error: msg('date.at', { text, reason: checked.error }) };
	let offsetMin = 0;
	if (zone && zone !== 'Z') {
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
