/** Formatting of model values for display, in the interface language. */
import { formatDateRange, formatPartialDate, partialDateFromMs, type Span } from '../model/dates';
import type { TramaEvent } from '../model/schema';
import { t } from './index';

/** An event's date at its precision, with "c." when approximate: "13 Sept 2023", "c. 2021". */
export function formatEventDateMain(
	event: Pick<TramaEvent, 'start' | 'end' | 'uncertainty'>
): string {
	const main = formatDateRange(event.start, event.end, t.locale);
	return event.uncertainty?.circa ? `${t.table.circa} ${main}` : main;
}

/** The bounds of an uncertain date, "between 27 Jul 2023 and 30 Aug 2023", if it has any. */
export function formatDateBounds(event: Pick<TramaEvent, 'uncertainty'>): string | undefined {
	const u = event.uncertainty;
	if (u?.earliest === undefined && u?.latest === undefined) return undefined;
	const a = u.earliest !== undefined ? formatPartialDate(u.earliest, t.locale) : '…';
	const b = u.latest !== undefined ? formatPartialDate(u.latest, t.locale) : '…';
	return t.table.between(a, b);
}

/**
 * An event's date at the precision the source gave, with its uncertainty: "13 Sept 2023",
 * "10–13 Sept 2023", "Sept 2023", "c. Aug 2023 (between 27 Jul 2023 and 30 Aug 2023)".
 */
export function formatEventDate(event: Pick<TramaEvent, 'start' | 'end' | 'uncertainty'>): string {
	const bounds = formatDateBounds(event);
	const main = formatEventDateMain(event);
	return bounds === undefined ? main : `${main} (${bounds})`;
}

/** The host name of a URL without "www.", for a link with no publisher ("reuters.com"). */
export function hostOf(url: string): string {
	try {
		return new URL(url).hostname.replace(/^www\./, '');
	} catch {
		return url;
	}
}

/** A window wider than this is named by its years: its days would be noise ("14 Oct 3777 BCE"). */
const YEARS_ONLY_MS = 200 * 365.25 * 86_400_000;

/**
 * A window as its first and last day: "12 Aug 2012 – 6 Dec 2025"; over centuries, as its first
 * and last year: "3777 BCE – 2301 CE".
 */
export function formatWindow(window: Span): string {
	const precision = window.end - window.start >= YEARS_ONLY_MS ? 'year' : 'day';
	return formatDateRange(
		partialDateFromMs(window.start, precision),
		partialDateFromMs(Math.max(window.start, window.end - 1), precision),
		t.locale
	);
}
