/** The overview strip's density: events per time bin, with bins chosen for the strip's width. */
import { bin, scaleUtc } from 'd3';
import { formatYear, type Span } from '../model/dates';

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

const isYearStart = (d: Date) =>
	d.getUTCMonth() === 0 &&
	d.getUTCDate() === 1 &&
	d.getUTCHours() === 0 &&
	d.getUTCMinutes() === 0 &&
	d.getUTCSeconds() === 0 &&
	d.getUTCMilliseconds() === 0;

/**
 * Axis ticks for the overview. d3 puts year ticks on round astronomical years, which before
 * year 1 are one off the years a reader counts (astronomical -3000 is 3001 BCE): a tick of
 * several years before year 1 moves to the round year BCE (-2999, "3000 BCE"), so labels read
 * "3000 BCE", "2000 BCE", "1000 BCE". Ticks of other years, and finer ticks, stay where d3 puts
 * them.
 */
export function overviewTicks(ticks: readonly Date[]): Date[] {
	const yearly = ticks.filter(isYearStart);
	const step =
		yearly.length > 1 ? (yearly[1]?.getUTCFullYear() ?? 0) - (yearly[0]?.getUTCFullYear() ?? 0) : 1;
	if (step <= 1) return [...ticks];
	return ticks.map((t) => {
		if (!isYearStart(t) || t.getUTCFullYear() > 0) return t;
		const moved = new Date(t.getTime());
		moved.setUTCFullYear(t.getUTCFullYear() + 1);
		return moved;
	});
}

/**
 * An overview tick's label: a year tick through the date module ("300 BCE", "300", "2023"; d3
 * would write "-0299" and "0300"), any other tick by `fallback` (d3's own multi-scale format).
 */
export function tickLabel(tick: Date, locale: string, fallback: (d: Date) => string): string {
	return isYearStart(tick) ? formatYear(tick.getUTCFullYear(), locale) : fallback(tick);
}
