/**
 * Time-window arithmetic shared by every way of moving the window (wheel, keys, buttons, brush,
 * presets, URL): zoom around an anchor, pan, fit, and keep within the data's range.
 */
import { SUPPORTED_SPAN, type Span } from '../model/dates';

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

/** A preset width around the current centre; `all` shows the whole domain. */
export function presetWindow(span: Span, preset: Preset, domain: Span): Span {
	if (preset === 'all') return { ...domain };
	const w = PRESET_MS[preset];
	const c = centre(span);
	return clampWindow({ start: c - w / 2, end: c + w / 2 }, domain);
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
