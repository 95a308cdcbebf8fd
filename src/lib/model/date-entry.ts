/**
 * Dates as people type them into a form: "13 Sept 2023", "Sept 13, 2023", "13 de septiembre de
 * 2023", "Sept 2023", "2023", "c. 1990", "300 BCE", "300 a. C.", "2023-09-13", "13 Sept 2023
 * 14:30 UTC". The result is a partial date at the precision written (a month written is a month,
 * never the 1st of it), and whether it was marked as approximate ("c.", "circa", "hacia").
 *
 * Nothing is guessed: a date without a year is refused (no "this year"), words like "tomorrow"
 * are refused (no "today"), a numeric date that could be day-first or month-first ("03/04/2023")
 * is refused with both readings named, a two-digit year in a full date is refused, and a time
 * with no zone is kept as written, with no zone (see `Zone`). Month names are read in English and
 * Spanish, from `Intl`, by any prefix of three letters or more ("Sept", "sept.", "sep").
 *
 * Why not a natural-language parser (chrono-node): it reads what is missing from today (a year,
 * a weekday's date), which would put invented dates into evidence, and has no eras or circa.
 *
 * Pure: no DOM; a worker or a test can call it.
 */
import {
	fromParts,
	parsePartialDate,
	precisionOf,
	type DateParts,
	type PartialDate,
	type Precision,
	type Zone
} from './dates';
import { msg, type Message } from './messages';

/** A date typed into a form, read. */
export type DateEntry =
	| { ok: true; value: PartialDate; precision: Precision; circa: boolean }
	| { ok: false; error: Message };

/** The languages whose month names are read (the interface's languages). */
const MONTH_LOCALES = ['en', 'es'] as const;

/** Lower case, without accents: "Septiembre" and "SEPTIEMBRE" read alike. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Each month's full names, folded (from `Intl`, so another language is one more locale). */
const MONTH_NAMES: readonly (readonly string[])[] = Array.from({ length: 12 }, (_, m) =>
	MONTH_LOCALES.map((locale) =>
		fold(
			new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
				Date.UTC(2000, m, 15)
			)
		)
	)
);

/** The month a word names (1–12): a prefix of three letters or more of a month's name. */
export function monthOf(word: string): number | undefined {
	const w = fold(word.replace(/\.$/, ''));
	if (w.length < 3) return undefined;
	const found = new Set<number>();
	MONTH_NAMES.forEach((names, m) => {
		if (names.some((name) => name.startsWith(w))) found.add(m + 1);
	});
	return found.size === 1 ? [...found][0] : undefined;
}

/** "c.", "ca.", "circa", "approx.", "~", "hacia", "h.": the writer marks the date as approximate. */
const CIRCA = /^(?:circa|ca\.?|c\.|c(?=\s)|approx\.?|about|~|hacia|h\.)\s*/i;

/** Eras after the year: before the common era, or in it. */
const ERA_BEFORE =
	/(?<=\d)\s*(?:bce|bc|b\.\s?c\.(?:\s?e\.)?|a\.\s?c\.|antes\s+de\s+cristo|a\.\s?e\.\s?c\.|aec)$/i;
const ERA_AFTER = /(?<=\d)\s*(?:ce|ad|a\.\s?d\.|c\.\s?e\.|d\.\s?c\.|despu[eé]s\s+de\s+cristo|ec)$/i;
const ERA_AFTER_PREFIX = /^(?:ad|a\.\s?d\.)\s+/i;

/** A time after a date: "14:30", "14:30:05", "2:30 pm", with "UTC", "GMT" or "Z" for UTC. */
const TIME =
	/\s*(?:,|\bat\b|\ba\s+las\b)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a\.\s?m\.|p\.\s?m\.)?\s*(utc|gmt|z)?$/i;

interface Read {
	parts: DateParts;
	zone: Zone;
}

type Step = Read | Message;

const isMessage = (x: Step): x is Message => 'code' in x;

/**
 * Reads a date typed into a form; the error says what to write instead. `text` is trimmed;
 * the empty string is refused (a form says whether the field may be left empty).
 */
export function parseDateEntry(input: string): DateEntry {
	let text = input.trim().replace(/\s+/g, ' ');
	if (text === '') return { ok: false, error: msg('date.empty') };
	let circa = false;
	const c = CIRCA.exec(text);
	if (c) {
		circa = true;
		text = text.slice(c[0].length);
	}
	const native = parsePartialDate(text);
	if (native.ok) return done(native.value, circa);

	const read = readWords(text);
	if (isMessage(read)) return { ok: false, error: read };
	const result = fromParts(read.parts, read.zone);
	if (!result.ok)
		return { ok: false, error: msg('date.at', { text: input.trim(), reason: result.error }) };
	return done(result.value, circa);
}

function done(value: PartialDate, circa: boolean): DateEntry {
	return { ok: true, value, precision: precisionOf(value), circa };
}

/** The year a written year and era stand for (astronomical: 300 BCE is -299). */
function yearOf(digits: string, era: 'before' | 'after' | undefined): number | Message {
	const n = Number(digits);
	if (era === 'before') return n < 1 ? msg('date.notAYear', { value: n }) : 1 - n;
	return n;
}

function readWords(whole: string): Step {
	let text = whole;
	const unknown = () => msg('date.entryUnknown', { text: whole });

	// A time at the end, after a date with a day.
	let time: Pick<DateParts, 'hour' | 'minute' | 'second'> | undefined;
	let zone: Zone = 'unstated';
	const t = TIME.exec(text);
	if (t && t.index > 0) {
		let hour = Number(t[1]);
		const meridiem = t[4] ? fold(t[4]).replace(/[.\s]/g, '') : undefined;
		if (meridiem) {
			if (hour < 1 || hour > 12) return msg('date.notAnHour', { value: hour });
			hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
		}
		time = { hour, minute: Number(t[2]), ...(t[3] ? { second: Number(t[3]) } : {}) };
		if (t[5]) zone = 'utc';
		text = text.slice(0, t.index).replace(/[\s,]+$/, '');
	}

	// An era, after the year or (AD) before it.
	let era: 'before' | 'after' | undefined;
	const before = ERA_BEFORE.exec(text);
	const after = before ? null : ERA_AFTER.exec(text);
	const afterPrefix = before || after ? null : ERA_AFTER_PREFIX.exec(text);
	if (before) {
		era = 'before';
		text = text.slice(0, before.index);
	} else if (after) {
		era = 'after';
		text = text.slice(0, after.index);
	} else if (afterPrefix) {
		era = 'after';
		text = text.slice(afterPrefix[0].length);
	}
	text = text.trim();

	// A year alone: "2023", "300" (with its era, or in the common era; too many digits are
	// refused by the range check, with the range).
	if (/^\d+$/.test(text)) {
		if (time) return msg('date.timeNeedsDay');
		const year = yearOf(text, era);
		return typeof year === 'number' ? { parts: { year }, zone } : year;
	}

	// Numbers only: "13/09/2023", "09/13/2023", "13.09.2023", "2023/09/13".
	const numeric = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(text);
	if (numeric) {
		const [a, b, y] = [numeric[1] ?? '', numeric[2] ?? '', numeric[3] ?? ''];
		if (a.length === 4) {
			const year = yearOf(a, era);
			if (typeof year !== 'number') return year;
			return { parts: { year, month: Number(b), day: Number(y), ...time }, zone };
		}
		if (y.length < 3) return msg('date.entryShortYear', { text: whole });
		const year = yearOf(y, era);
		if (typeof year !== 'number') return year;
		const [first, second] = [Number(a), Number(b)];
		if (first > 12 && second <= 12)
			return { parts: { year, month: second, day: first, ...time }, zone };
		if (second > 12 && first <= 12)
			return { parts: { year, month: first, day: second, ...time }, zone };
		if (first === second) return { parts: { year, month: first, day: first, ...time }, zone };
		return msg('date.entryAmbiguous', { text: whole, first, second, year });
	}

	// Words: a day, a month's name and a year in either order ("13 Sept 2023", "Sept 13, 2023",
	// "13 de septiembre de 2023"), or a month and a year ("Sept 2023", "septiembre de 2023").
	const words = text
		.replace(/,/g, ' ')
		.split(' ')
		.filter((w) => w !== '' && !/^(?:de|del|the|of)$/i.test(w));
	let month: number | undefined;
	let day: number | undefined;
	let year: string | undefined;
	for (const w of words) {
		const dayWord = /^(\d{1,2})(?:st|nd|rd|th|º|°|\.)?$/i.exec(w);
		const m = monthOf(w);
		if (m !== undefined && month === undefined) month = m;
		else if (/^\d{3,4}$/.test(w) && year === undefined) year = w;
		else if (dayWord && day === undefined && year === undefined) day = Number(dayWord[1]);
		else if (/^\d{1,2}$/.test(w) && year === undefined && day !== undefined) year = w;
		else return unknown();
	}
	if (month === undefined) return unknown();
	if (year === undefined) return msg('date.entryNoYear', { text: whole });
	if (year.length < 3) return msg('date.entryShortYear', { text: whole });
	if (time && day === undefined) return msg('date.timeNeedsDay');
	const y = yearOf(year, era);
	if (typeof y !== 'number') return y;
	return {
		parts: { year: y, month, ...(day === undefined ? {} : { day }), ...(time ?? {}) },
		zone
	};
}
