import moment from 'moment';
import { describe, expect, it } from 'vitest';
import { formatYear } from '$lib/model/dates';
import { overviewTicks, tickLabel } from '$lib/time/histogram';
import { axisFormat } from '$lib/timeline/vis-adapter';

const year = (y: number, month = 0) => {
	const d = new Date(0);
	d.setUTCFullYear(y, month, 1);
	return d;
};
const english = (y: number) => formatYear(y, 'en-GB');

describe('the timeline axis (vis-timeline format option)', () => {
	const format = axisFormat(english, (d) => moment(d).utc());

	it('labels years before 1 as the table does, not as moment does ("-0299")', () => {
		expect(format.minorLabels(year(-299), 'year', 1)).toBe('300 BCE');
		expect(format.minorLabels(year(0), 'year', 1)).toBe('1 BCE');
		expect(format.minorLabels(year(-300), 'year', 10)).toBe('301 BCE');
		expect(format.minorLabels(year(300), 'year', 1)).toBe('300');
		expect(format.majorLabels(year(-43, 2), 'month', 1)).toBe('44 BCE');
		expect(format.majorLabels(year(-43, 2), 'day', 1)).toBe('March 44 BCE');
	});

	it('names ticks a hundred years apart or more by the round year BCE', () => {
		const labels = [-3500, -3000, 0, 500].map((y) => format.minorLabels(year(y), 'year', 500));
		expect(labels).toEqual(['3500 BCE', '3000 BCE', '1', '500']);
	});

	it("keeps vis-timeline's own labels for modern dates", () => {
		expect(format.minorLabels(year(2023), 'year', 1)).toBe('2023');
		expect(format.minorLabels(year(2000), 'year', 500)).toBe('2000');
		expect(format.minorLabels(year(2023, 8), 'month', 1)).toBe('Sep');
		expect(format.majorLabels(year(2023, 8), 'day', 1)).toBe('September 2023');
		expect(format.majorLabels(year(2023), 'year', 1)).toBe('');
	});
});

describe('the overview axis', () => {
	const d3Format = () => 'd3';

	it('labels year ticks through the date module, other ticks through d3', () => {
		expect(tickLabel(year(-299), 'en-GB', d3Format)).toBe('300 BCE');
		expect(tickLabel(year(2023), 'en-GB', d3Format)).toBe('2023');
		expect(tickLabel(year(2023, 5), 'en-GB', d3Format)).toBe('d3');
	});

	it('moves ticks of several years before 1 to round years BCE', () => {
		const ticks = [-3000, -2000, -1000, 0, 1000, 2000].map((y) => year(y));
		expect(overviewTicks(ticks).map((t) => tickLabel(t, 'en-GB', d3Format))).toEqual([
			'3000 BCE',
			'2000 BCE',
			'1000 BCE',
			'1',
			'1000',
			'2000'
		]);
	});

	it('leaves yearly and finer ticks where d3 puts them', () => {
		const yearly = [-2, -1, 0, 1].map((y) => year(y));
		expect(overviewTicks(yearly)).toEqual(yearly);
		const monthly = [year(2023, 0), year(2023, 1)];
		expect(overviewTicks(monthly)).toEqual(monthly);
	});
});
