/**
 * Fitting a label into a width, by measured text and at word boundaries: a picture for a report
 * shows "Kim and Putin hold…", never "Kim and Putin ho…". Pure: the caller hands in how wide a
 * string is (a canvas in the browser, a fixed width per character in tests).
 */

/** How wide a string is drawn, in pixels. */
export type MeasureText = (text: string) => number;

export const ELLIPSIS = '…';

/** Punctuation and spaces that should not dangle before an ellipsis ("Moscow, …"). */
const TRAILING = /[\s,;:.!?\-–—/(]+$/u;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * The offsets where a label may be cut: after each word (Intl's word segments, so scripts
 * written without spaces break between their words too, never inside one).
 */
export function wordEnds(text: string): number[] {
	const ends: number[] = [];
	for (const s of segmenter.segment(text)) {
		if (s.isWordLike) ends.push(s.index + s.segment.length);
	}
	return ends;
}

/**
 * The label as it fits in `maxPx`: whole when it fits, else as many whole words as fit followed
 * by an ellipsis, else the empty string (no word fits: better no label than half a word).
 */
export function fitLabel(text: string, maxPx: number, measure: MeasureText): string {
	const whole = text.trim();
	if (whole === '' || measure(whole) <= maxPx) return whole;
	const ends = wordEnds(whole);
	// Longest prefix first would measure every candidate for a short width; binary search the
	// word count instead (a longer prefix is never narrower).
	let lo = 0;
	let hi = ends.length;
	let best = '';
	while (lo < hi) {
		const mid = (lo + hi + 1) >>> 1;
		const head = whole.slice(0, ends[mid - 1]).replace(TRAILING, '');
		const candidate = `${head}${ELLIPSIS}`;
		if (head !== '' && measure(candidate) <= maxPx) {
			best = candidate;
			lo = mid;
		} else {
			hi = mid - 1;
		}
	}
	return best;
}
