/**
 * Numbers in a date column: years, Unix seconds, Unix milliseconds or spreadsheet serial days.
 * Decided for the whole column (guessed from its values, or chosen by the user), never cell by
 * cell: read one at a time, 10000 and 45000 would silently become instants of January 1970.
 */
import { fromParts, fromSignedYear, parseLooseDate, type DateResult } from '../model/dates';
import { msg } from '../model/messages';

import { DATE_NUMBER_KINDS, isDateNumbers, type DateNumbers } from '../model/import';

export { DATE_NUMBER_KINDS, isDateNumbers, type DateNumbers };

/** What a column's numbers most likely are, from their range; undefined when none fits them all. */
export function guessDateNumbers(values: readonly number[]): DateNumbers | undefined {
	if (values.length === 0) return undefined;
	let min = Infinity;
	let max = -Infinity;
	let whole = true;
	for (const v of values) {
		min = Math.min(min, v);
		max = Math.max(max, v);
		if (!Number.isInteger(v)) whole = false;
	}
	// Whole numbers up to 9999 are years; negative ones, however large, too (-300 is 300 BCE:
	// a year before 10000 BCE is then refused as out of range, never read as an instant).
	if (whole && max <= 9999) return 'years';
	// 20,000 to 80,000 days after 1899-12-30: 1954 to 2119.
	if (min >= 20_000 && max <= 80_000) return 'excelDays';
	if (min >= 1e8 && max < 1e11) return 'unixSeconds';
	if (min >= 1e11 && max < 1e14) return 'unixMs';
	return undefined;
}

/** Spreadsheets count days from 1899-12-30 (day 60 is a 29 February 1900 that never was). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** An instant as a date at the precision it has: a day, or a time to the second (UTC). */
function instantDate(ms: number): DateResult {
	const date = new Date(ms);
	if (Number.isNaN(date.getTime()))
		return { ok: false, error: msg('date.notFinite', { value: ms }) };
	const iso = date.toISOString();
	return parseLooseDate(ms % DAY_MS === 0 ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z'));
}

/** A number of a date column read as `kind`: the date, or why it cannot be one. */
export function numberToDate(value: number, kind: DateNumbers): DateResult {
	switch (kind) {
		case 'years':
			if (!Number.isInteger(value))
				return { ok: false, error: msg('import.notWholeNumber', { value: String(value) }) };
			return fromParts({ year: value < 1 ? fromSignedYear(value) : value });
		case 'unixSeconds':
			return instantDate(value * 1000);
		case 'unixMs':
			return instantDate(value);
		case 'excelDays':
			if (value < 1)
				return { ok: false, error: msg('import.notExcelDay', { value: String(value) }) };
			return instantDate(EXCEL_EPOCH + Math.round(value * DAY_MS));
	}
}
