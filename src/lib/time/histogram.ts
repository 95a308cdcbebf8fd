/** The overview strip's density: events per time bin, with bins chosen for the strip's width. */
import { bin, scaleUtc } from 'd3';
import type { Span } from '../model/dates';

export interface Bin {
	start: number;
	end: number;
	count: number;
}

/**
 * Counts events by the bin their span starts in. Bin edges are "nice" calendar instants in UTC
 * (years, months, days…) chosen so that bins are about `targetPx` pixels wide at `widthPx`.
 */
export function densityBins(
	starts: readonly number[],
	domain: Span,
	widthPx: number,
	targetPx = 8
): Bin[] {
	const wanted = Math.max(1, Math.floor(widthPx / targetPx));
	const scale = scaleUtc().domain([domain.start, domain.end]);
	const thresholds = scale
		.ticks(wanted)
		.map((d) => d.getTime())
		.filter((ms) => ms > domain.start && ms < domain.end);
	const binner = bin<number, number>().domain([domain.start, domain.end]).thresholds(thresholds);
	return binner(starts.filter((s) => s >= domain.start && s < domain.end)).map((b) => ({
		start: b.x0 ?? domain.start,
		end: b.x1 ?? domain.end,
		count: b.length
	}));
}
