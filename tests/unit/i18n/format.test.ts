import { describe, expect, it } from 'vitest';
import { formatEventDate, formatWindow } from '$lib/i18n/format';
import type { PartialDate } from '$lib/model/dates';

const at = (iso: string) => Date.parse(iso);
const date = (s: string) => s as PartialDate;

describe('a window in words', () => {
	it('names its first and last day', () => {
		expect(
			formatWindow({ start: at('2012-08-12T00:00:00Z'), end: at('2025-12-07T00:00:00Z') })
		).toBe('12 Aug 2012\u2009–\u20096 Dec 2025');
	});

	it('over centuries, names its years', () => {
		expect(
			formatWindow({ start: at('-003776-10-14T02:24:00Z'), end: at('2301-07-17T21:36:00Z') })
		).toBe('3777 BCE – 2301 CE');
	});
});

describe('an event date in words', () => {
	it('with its era before year 1, and a time without a zone as given', () => {
		expect(formatEventDate({ start: date('-0299'), end: date('-0279') })).toBe('300 BCE – 280 BCE');
		expect(formatEventDate({ start: date('-0043-03-15'), uncertainty: { circa: true } })).toBe(
			'c. 15 Mar 44 BCE'
		);
		expect(formatEventDate({ start: date('2023-09-13T10:00') })).toBe('13 Sept 2023, 10:00');
	});
});
