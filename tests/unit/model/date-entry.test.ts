import { describe, expect, it } from 'vitest';
import { monthOf, parseDateEntry } from '$lib/model/date-entry';
import { describeMessage } from '$lib/i18n';

/** What the form would save: the date, its precision and whether it is marked approximate. */
function read(text: string) {
	const r = parseDateEntry(text);
	if (!r.ok) throw new Error(`refused "${text}": ${describeMessage(r.error)}`);
	return [r.value, r.precision, r.circa];
}

/** The reason the form would show. */
function refusal(text: string): string {
	const r = parseDateEntry(text);
	if (r.ok) throw new Error(`"${text}" was read as ${r.value}`);
	return describeMessage(r.error);
}

describe('dates typed into a form', () => {
	it('reads a day, a month and a year, in the orders people write them', () => {
		for (const text of [
			'13 Sept 2023',
			'13 September 2023',
			'Sept 13, 2023',
			'September 13th, 2023',
			'13th of Sept 2023',
			'13 de septiembre de 2023',
			'13 sept. 2023',
			'13 SEP 2023',
			'2023-09-13',
			'13/09/2023',
			'09/13/2023',
			'13.09.2023',
			'2023/09/13'
		])
			expect(read(text), text).toEqual(['2023-09-13', 'day', false]);
	});

	it('keeps the precision written: a month is a month, a year a year', () => {
		expect(read('Sept 2023')).toEqual(['2023-09', 'month', false]);
		expect(read('septiembre de 2023')).toEqual(['2023-09', 'month', false]);
		expect(read('2023-09')).toEqual(['2023-09', 'month', false]);
		expect(read('2023')).toEqual(['2023', 'year', false]);
		expect(read('marzo 2014')).toEqual(['2014-03', 'month', false]);
		expect(read('agosto 2023')).toEqual(['2023-08', 'month', false]);
	});

	it('marks circa dates as approximate, in English and Spanish', () => {
		for (const text of ['c. 1990', 'c 1990', 'ca. 1990', 'circa 1990', '~1990', 'hacia 1990'])
			expect(read(text), text).toEqual(['1990', 'year', true]);
		expect(read('c. Sept 2023')).toEqual(['2023-09', 'month', true]);
	});

	it('reads eras: before the common era counts back from year 1', () => {
		for (const text of [
			'300 BCE',
			'300 BC',
			'300 B.C.',
			'300 a. C.',
			'300 a.C.',
			'300 antes de Cristo'
		])
			expect(read(text), text).toEqual(['-0299', 'year', false]);
		expect(read('1 BCE')).toEqual(['0000', 'year', false]);
		for (const text of ['AD 14', '14 AD', '14 CE', '14 d. C.'])
			expect(read(text), text).toEqual(['0014', 'year', false]);
		expect(read('300')).toEqual(['0300', 'year', false]);
		expect(read('c. 300 BCE')).toEqual(['-0299', 'year', true]);
		expect(read('15 March 44 BC'.replace('44', '044'))).toEqual(['-0043-03-15', 'day', false]);
	});

	it('reads a time after a day: in UTC when it says so, otherwise as written, with no zone', () => {
		expect(read('13 Sept 2023 14:30 UTC')).toEqual(['2023-09-13T14:30Z', 'time', false]);
		expect(read('13 Sept 2023, 14:30')).toEqual(['2023-09-13T14:30', 'time', false]);
		expect(read('Sept 13, 2023 2:30 pm GMT')).toEqual(['2023-09-13T14:30Z', 'time', false]);
		expect(read('2023-09-13 14:30:05')).toEqual(['2023-09-13T14:30:05', 'time', false]);
		expect(read('2023-09-13T14:30Z')).toEqual(['2023-09-13T14:30Z', 'time', false]);
	});

	it('never guesses: no year, no weekday, no either-way numbers, no two-digit years', () => {
		expect(refusal('Sept 13')).toBe(
			'"Sept 13" has no year: write the year too, as in 13 Sept 2023'
		);
		expect(refusal('03/04/2023')).toBe(
			'"03/04/2023" could be 3 April or 4 March 2023: write the month in words, as in 3 Apr 2023'
		);
		expect(refusal('13 Sept 23')).toBe(
			'"13 Sept 23": write the year in full (2023; 0023 for the year 23)'
		);
		expect(refusal('13/09/23')).toBe(
			'"13/09/23": write the year in full (2023; 0023 for the year 23)'
		);
		expect(refusal('tomorrow')).toBe(
			'"tomorrow" is not a date Trama can read: write it like 13 Sept 2023, Sept 2023, 2023, c. 1990 or 300 BCE'
		);
		expect(refusal('Wednesday 13 Sept 2023')).toMatch(/^"Wednesday 13 Sept 2023" is not a date/);
		expect(refusal('Sept 2023 14:30')).toBe('a time needs a day');
		expect(refusal('')).toBe('the date is empty');
	});

	it('says which part of a date does not exist', () => {
		expect(refusal('31 Sept 2023')).toBe(
			'"31 Sept 2023": 31 is not a day of September 2023 (it has 30 days)'
		);
		expect(refusal('29 Feb 2023')).toBe(
			'"29 Feb 2023": 29 is not a day of February 2023 (it has 28 days)'
		);
		expect(read('29 Feb 2024')).toEqual(['2024-02-29', 'day', false]);
		expect(refusal('13 Sept 2023 25:00')).toBe('"13 Sept 2023 25:00": 25 is not an hour');
		expect(refusal('12000 BCE')).toBe('"12000 BCE": year outside 10000 BCE to 9999');
	});
});

describe('month names', () => {
	it('are read in English and Spanish by a prefix of three letters or more', () => {
		expect(monthOf('Sept')).toBe(9);
		expect(monthOf('sept.')).toBe(9);
		expect(monthOf('septiembre')).toBe(9);
		expect(monthOf('Ene')).toBe(1);
		expect(monthOf('ago')).toBe(8);
		expect(monthOf('Dic.')).toBe(12);
		expect(monthOf('mar')).toBe(3);
		// Too short to say which month, or no month at all.
		expect(monthOf('ma')).toBeUndefined();
		expect(monthOf('ju')).toBeUndefined();
		expect(monthOf('mayor')).toBeUndefined();
	});
});
