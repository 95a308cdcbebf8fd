import { describe, expect, it } from 'vitest';
import { bin, scaleUtc } from 'd3';
import { densityBins as bins, labelAnchor } from '$lib/time/histogram';
import type { Span } from '$lib/model/dates';

/** The bins of starts in any order (sorted here, as the timeline's events are). */
const densityBins = (starts: number[], domain: Span, widthPx: number, targetPx?: number) =>
	bins(
		[...starts].sort((a, b) => a - b),
		(s) => s,
		domain,
		widthPx,
		targetPx
	);

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

describe('densityBins by binary search', () => {
	/** What d3's `bin` gives for the same thresholds: each start counted into its bin. */
	function d3Bins(starts: number[], domain: Span, widthPx: number, targetPx = 8) {
		const thresholds = scaleUtc()
			.domain([domain.start, domain.end])
			.ticks(Math.max(1, Math.floor(widthPx / targetPx)))
			.map((d) => d.getTime())
			.filter((ms) => ms > domain.start && ms < domain.end);
		return bin<number, number>()
			.domain([domain.start, domain.end])
			.thresholds(thresholds)(starts.filter((s) => s >= domain.start && s < domain.end))
			.map((b) => ({ start: b.x0, end: b.x1, count: b.length }));
	}

	it('counts exactly what d3 counts, edges and ties included, for random data and widths', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		for (let round = 0; round < 40; round++) {
			const domain = { start: utc(1990 + Math.floor(random() * 20)), end: utc(2015, 6, 1) };
			const span = domain.end - domain.start;
			const starts = Array.from({ length: 1 + Math.floor(random() * 3000) }, () =>
				// Some before and after the domain, some exactly on day (and so on bin) edges.
				random() < 0.3
					? domain.start + Math.floor(random() * (span / 86_400_000)) * 86_400_000
					: domain.start - span * 0.1 + random() * span * 1.2
			);
			const width = 50 + Math.floor(random() * 1500);
			expect(densityBins(starts, domain, width)).toEqual(d3Bins(starts, domain, width));
		}
	});
});

describe('labelAnchor', () => {
	it('centres a label on its tick where it fits, else keeps all of it inside the axis', () => {
		// "2019" at 6.6 px a character: 26.4 px wide, 13.2 either side of its tick.
		expect(labelAnchor(400, '2019', 800)).toBe('middle');
		expect(labelAnchor(2, '2019', 800)).toBe('start');
		expect(labelAnchor(13, '2019', 800)).toBe('start');
		expect(labelAnchor(14, '2019', 800)).toBe('middle');
		expect(labelAnchor(790, '2019', 800)).toBe('end');
		expect(labelAnchor(786, '2019', 800)).toBe('middle');
		// A longer label needs more room.
		expect(labelAnchor(20, 'September', 800)).toBe('start');
	});
});
