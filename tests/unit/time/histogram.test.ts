import { describe, expect, it } from 'vitest';
import { densityBins } from '$lib/time/histogram';

const utc = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);

describe('densityBins', () => {
	const starts = [
		utc(2013, 3, 22),
		utc(2013, 9, 5),
		utc(2023, 9, 13),
		utc(2023, 9, 10),
		utc(2024, 6, 19)
	];

	it('counts every event once, in calendar-aligned UTC bins', () => {
		const bins = densityBins(starts, { start: utc(2013), end: utc(2025) }, 120, 10);
		expect(bins.reduce((n, b) => n + b.count, 0)).toBe(5);
		// 12 bins of a year each, the year boundaries at midnight UTC on 1 January.
		expect(bins).toHaveLength(12);
		expect(bins.map((b) => new Date(b.start).toISOString().slice(0, 10))).toContain('2023-01-01');
		expect(bins.find((b) => b.start === utc(2023))?.count).toBe(2);
		expect(bins.find((b) => b.start === utc(2013))?.count).toBe(2);
	});

	it('chooses finer bins for a wider strip', () => {
		const narrow = densityBins(starts, { start: utc(2013), end: utc(2025) }, 120, 10);
		const wide = densityBins(starts, { start: utc(2013), end: utc(2025) }, 1200, 10);
		expect(wide.length).toBeGreaterThan(narrow.length);
		expect(wide.reduce((n, b) => n + b.count, 0)).toBe(5);
	});

	it('ignores events outside the domain', () => {
		expect(
			densityBins(starts, { start: utc(2023), end: utc(2024) }, 200).reduce(
				(n, b) => n + b.count,
				0
			)
		).toBe(2);
	});
});
