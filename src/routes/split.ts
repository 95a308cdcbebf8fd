/**
 * The split between the timeline and the views under it: the timeline's height in pixels,
 * kept in the browser (a `trama.` setting, so a backup carries it) and clamped to the window.
 */
import { SPLIT_KEY as KEY } from '$lib/state/settings';

/** Keys move the split by this much; Page Up and Page Down by four times as much. */
export const SPLIT_STEP = 24;
/** The timeline never gets smaller than this. */
export const SPLIT_MIN = 120;

/** The tallest the timeline may be: the views under it keep room for a readable network. */
export const splitMax = (windowHeight: number): number => Math.max(SPLIT_MIN, windowHeight - 420);

/**
 * The default: on a laptop (768 px) about 200 px, so the network gets the larger share; a tall
 * screen gives the timeline more (about 350 px at 1080 px).
 */
export const splitDefault = (windowHeight: number): number =>
	clampSplit(Math.round(windowHeight * 0.45 - 140), windowHeight);

export const clampSplit = (value: number, windowHeight: number): number =>
	Math.round(Math.min(splitMax(windowHeight), Math.max(SPLIT_MIN, value)));

/** The height the user last chose, if any. */
export function readSplit(): number | undefined {
	try {
		const value = Number(localStorage.getItem(KEY));
		return Number.isFinite(value) && value > 0 ? value : undefined;
	} catch {
		return undefined;
	}
}

export function saveSplit(value: number): void {
	try {
		localStorage.setItem(KEY, String(Math.round(value)));
	} catch {
		// Storage refused: the split is kept for this visit only.
	}
}
