/**
 * Time-window arithmetic shared by every way of moving the window (wheel, keys, buttons, brush,
 * presets, URL): zoom around an anchor, pan, fit, and keep within the data's range. Pure.
 */
import {
	endMs,
	parseInstant,
	parsePartialDate,
	startMs,
	SUPPORTED_SPAN,
	type Span
} from '../model/dates';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const YEAR = 365.2425 * DAY;

/** The narrowest window the timeline allows: about an hour. */
export const MIN_WINDOW_MS = HOUR;

export type Preset = 'all' | 'decade' | 'year' | 'month' | 'week';
export const PRESETS: readonly Preset[] = ['all', 'decade', 'year', 'month', 'week'];
const PRESET_MS: Record<Exclude<Preset, 'all'>, number> = {
	decade: 10 * YEAR,
	year: YEAR,
	month: YEAR / 12,
	week: 7 * DAY
};

/** The first and last instants of the supported years, 10000 BCE and 9999-12-31T23:59:59Z. */
const FIRST_INSTANT = SUPPORTED_SPAN.start;
const LAST_INSTANT = SUPPORTED_SPAN.end - 1000;

export const width = (s: Span) => s.end - s.start;
export const centre = (s: Span) => s.start + width(s) / 2;

/**
 * The range the timeline may show: the data's extent plus a margin on each side (5% of the
 * extent, at least a week), so the first and last events never sit on the edge.
 */
export function dataDomain(extent: Span | undefined, now: number = Date.UTC(2024, 0, 1)): Span {
	if (!extent) return { start: now - 5 * YEAR, end: now + YEAR };
	const margin = Math.max(width(extent) * 0.05, 7 * DAY);
	// Never past the supported years (10000 BCE–9999): every instant shown must be a date we can write.
	return {
		start: Math.max(extent.start - margin, FIRST_INSTANT),
		end: Math.min(extent.end + margin, LAST_INSTANT)
	};
}

/** Keeps a window within the domain and at least {@link MIN_WINDOW_MS} wide, keeping its width where it can. */
export function clampWindow(span: Span, domain: Span): Span {
	let w = Math.max(width(span), MIN_WINDOW_MS);
	w = Math.min(w, width(domain));
	let start = span.start;
	if (width(span) < MIN_WINDOW_MS) start = centre(span) - w / 2;
	start = Math.min(Math.max(start, domain.start), domain.end - w);
	return { start, end: start + w };
}

/**
 * Zooms by `factor` (< 1 narrows, > 1 widens) keeping the instant `anchor` at the same place on
 * screen; without an anchor, around the centre.
 */
export function zoomWindow(span: Span, factor: number, domain: Span, anchor = centre(span)): Span {
	const start = anchor - (anchor - span.start) * factor;
	const end = anchor + (span.end - anchor) * factor;
	return clampWindow({ start, end }, domain);
}

/** Pans by a fraction of the window's width (negative: back in time). */
export function panWindow(span: Span, fraction: number, domain: Span): Span {
	const shift = width(span) * fraction;
	return clampWindow({ start: span.start + shift, end: span.end + shift }, domain);
}

/** What a preset centres on, besides the window itself. */
export interface PresetFocus {
	/** The selected event's span: the preset shows it. */
	selected?: Span;
	/** The spans of the events shown, so a preset never lands on an empty stretch beside them. */
	events?: readonly Span[];
}

/** Whether something begins or ends inside the window (an event that only spans it does not count). */
function showsAnEvent(window: Span, events: readonly Span[]): boolean {
	return events.some(
		(e) =>
			(e.start >= window.start && e.start < window.end) ||
			(e.end > window.start && e.end <= window.end)
	);
}

/**
 * The instant of the events in view nearest to `instant` that a window `w` wide should centre
 * on: a short event's middle, a long one's start or end. Undefined when no event is in view.
 */
function nearestEventInstant(
	view: Span,
	events: readonly Span[],
	instant: number,
	w: number
): number | undefined {
	let best: number | undefined;
	for (const e of events) {
		if (e.end <= view.start || e.start >= view.end) continue;
		const candidates = width(e) <= w ? [centre(e)] : [e.start, e.end];
		for (const c of candidates) {
			if (best === undefined || Math.abs(c - instant) < Math.abs(best - instant)) best = c;
		}
	}
	return best;
}

/**
 * A preset width (`all` is the whole domain). It shows the selected event (centred, or from its
 * start when it is longer than the preset); without one, it keeps the window's centre unless
 * nothing would begin or end there, and then centres on the nearest event in view.
 */
export function presetWindow(
	span: Span,
	preset: Preset,
	domain: Span,
	focus: PresetFocus = {}
): Span {
	if (preset === 'all') return { ...domain };
	const w = PRESET_MS[preset];
	const around = (c: number) => clampWindow({ start: c - w / 2, end: c + w / 2 }, domain);
	const selected = focus.selected;
	if (selected) {
		if (width(selected) <= w * 0.9) return around(centre(selected));
		// Longer than the preset: show its beginning, with a little room before it.
		const start = selected.start - w * 0.1;
		return clampWindow({ start, end: start + w }, domain);
	}
	const kept = around(centre(span));
	const events = focus.events;
	if (!events || showsAnEvent(kept, events)) return kept;
	const nearest = nearestEventInstant(span, events, centre(span), w);
	return nearest === undefined ? kept : around(nearest);
}

/**
 * A window that shows every one of the spans, with a margin (5% of their extent each side, at
 * least a day); undefined when there are none.
 */
export function fitSpans(spans: readonly Span[], domain: Span): Span | undefined {
	if (spans.length === 0) return undefined;
	let start = Infinity;
	let end = -Infinity;
	for (const s of spans) {
		start = Math.min(start, s.start);
		end = Math.max(end, s.end);
	}
	const margin = Math.max((end - start) * 0.05, DAY);
	return clampWindow({ start: start - margin, end: end + margin }, domain);
}

/**
 * One end of a window as a link writes it: a UTC instant, as the app writes links
 * (`2023-09-10T00:00:00.000Z`, or to the minute, `2023-09-10T14:30Z`), or a date as people
 * write it (`2023`, `2023-09`, `2023-09-10`). A date names a period and the window covers it:
 * `from` is its first instant, `to` the first instant after it, so `to=2023-10` includes
 * October and `to=2023-09-20` includes the 20th. Undefined when the text is neither.
 */
export function parseWindowEnd(text: string, side: 'from' | 'to'): number | undefined {
	const instant = parseInstant(text);
	if (instant !== undefined) return instant;
	const date = parsePartialDate(text);
	if (!date.ok || date.value !== text) return undefined;
	return side === 'from' ? startMs(date.value) : endMs(date.value);
}

/** A window that shows a span with room around it (the span is a third of the window, at least a day). */
export function focusWindow(target: Span, domain: Span): Span {
	const w = Math.max(width(target) * 3, DAY);
	const c = centre(target);
	return clampWindow({ start: c - w / 2, end: c + w / 2 }, domain);
}

/** Moves a window so it is centred on an instant, keeping its width. */
export function recentreWindow(span: Span, instant: number, domain: Span): Span {
	const w = width(span);
	return clampWindow({ start: instant - w / 2, end: instant + w / 2 }, domain);
}

/**
 * The precision a date picked by pointing at the timeline can honestly have: a pixel of a
 * window decades wide is months, not a day. Twenty years or more: a year; a year or more: a
 * month; less: a day.
 */
export function pickPrecision(window: Span): 'year' | 'month' | 'day' {
	const width = window.end - window.start;
	if (width >= 20 * YEAR) return 'year';
	if (width >= YEAR) return 'month';
	return 'day';
}
