/**
 * Moving dates by a drag on the timeline (pure): each date moves at its own precision. Loaded
 * with the first drag, not with the first screen.
 */
import { MessageError } from './errors';
import {
	fromParts,
	precisionOf,
	startMs,
	toParts,
	zoneOf,
	type DateParts,
	type PartialDate
} from './dates';
import type { TramaEvent } from './schema';

/**
 * A date moved by about `deltaMs`, at its own precision: a day-precision date moves by whole
 * days, a month by whole months, a year by whole years (the nearest), a time by whole minutes
 * (keeping its seconds, and its zone or the absence of one). Dragging an event on the timeline
 * must not make its date more precise than the source gave it.
 */
export function shiftDate(date: PartialDate, deltaMs: number): PartialDate {
	const precision = precisionOf(date);
	const parts = toParts(date);
	const DAY_MS = 86_400_000;
	let next: DateParts;
	if (precision === 'year') {
		next = { year: parts.year + Math.round(deltaMs / (365.2425 * DAY_MS)) };
	} else if (precision === 'month') {
		const months = Math.round(deltaMs / ((365.2425 / 12) * DAY_MS));
		const index = parts.year * 12 + ((parts.month ?? 1) - 1) + months;
		next = { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
	} else {
		const unit = precision === 'day' ? DAY_MS : 60_000;
		const at = new Date(startMs(date) + Math.round(deltaMs / unit) * unit);
		next = { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
		if (precision === 'time') {
			next.hour = at.getUTCHours();
			next.minute = at.getUTCMinutes();
			if (parts.second !== undefined) next.second = parts.second;
		}
	}
	const result = fromParts(next, zoneOf(date));
	if (!result.ok) throw new MessageError(result.error);
	return result.value;
}

/**
 * An event moved in time by about `deltaMs` (a drag on the timeline): its start, end and
 * uncertainty bounds each move at their own precision (see `shiftDate`); nothing else changes.
 */
export function shiftEvent(event: TramaEvent, deltaMs: number): TramaEvent {
	const moved: TramaEvent = { ...event, start: shiftDate(event.start, deltaMs) };
	if (event.end !== undefined) moved.end = shiftDate(event.end, deltaMs);
	if (event.uncertainty) {
		const u = { ...event.uncertainty };
		if (u.earliest !== undefined) u.earliest = shiftDate(u.earliest, deltaMs);
		if (u.latest !== undefined) u.latest = shiftDate(u.latest, deltaMs);
		moved.uncertainty = u;
	}
	return moved;
}
