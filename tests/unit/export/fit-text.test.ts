import { describe, expect, it } from 'vitest';
import { ELLIPSIS, fitLabel, wordEnds } from '$lib/export/fit-text';
import { placeItems } from '$lib/export/picture';
import type { EventItem, TimelineItem } from '$lib/time/items';
import type { EventKey, KeyedEvent } from '$lib/model/events';
import type { PartialDate } from '$lib/model/dates';

/** Every character 7 px wide: easy to count by hand. */
const mono = (text: string) => [...text].length * 7;

/** True when `label` (without its ellipsis) is `full` cut at the end of one of its words. */
function cutAtWordEnd(full: string, label: string): boolean {
	// No label at all cuts nothing; an ellipsis alone would be a label that says nothing.
	if (label === '') return true;
	const head = label.endsWith(ELLIPSIS) ? label.slice(0, -1) : label;
	if (head === '') return false;
	if (head === full) return true;
	if (!full.startsWith(head)) return false;
	const next = full.charAt(head.length);
	return /[\s\p{P}]/u.test(next) || wordEnds(full).includes(head.length);
}

describe('fitting a title into a width', () => {
	const title = 'Kim Jong Un and Putin hold summit at Vostochny Cosmodrome';

	it('keeps a title that fits whole, without an ellipsis', () => {
		expect(fitLabel(title, mono(title), mono)).toBe(title);
		expect(fitLabel('  Xi visits Moscow ', 200, mono)).toBe('Xi visits Moscow');
	});

	it('cuts after the last whole word that fits, then adds an ellipsis', () => {
		// 20 characters of room: "Kim Jong Un and" (15) + "…" = 16 fits, "… Putin" would be 22.
		expect(fitLabel(title, 20 * 7, mono)).toBe('Kim Jong Un and…');
		expect(fitLabel(title, 16 * 7, mono)).toBe('Kim Jong Un and…');
		expect(fitLabel(title, 15 * 7, mono)).toBe('Kim Jong Un…');
	});

	it('never cuts a word in the middle, at any width', () => {
		for (let px = 0; px <= mono(title); px += 3) {
			const label = fitLabel(title, px, mono);
			expect(mono(label)).toBeLessThanOrEqual(px);
			expect(cutAtWordEnd(title, label), `${px} px gave “${label}”`).toBe(true);
		}
	});

	it('gives no label at all when not even the first word fits', () => {
		expect(fitLabel('Vostochny Cosmodrome', 6 * 7, mono)).toBe('');
		expect(fitLabel('Kim', 0, mono)).toBe('');
	});

	it('drops punctuation that would dangle before the ellipsis', () => {
		expect(fitLabel('Moscow, Beijing and Pyongyang', 12 * 7, mono)).toBe('Moscow…');
		expect(fitLabel('Kim–Putin summit at Vostochny', 17 * 7, mono)).toBe('Kim–Putin summit…');
		expect(fitLabel('Wagner mutiny — the march on Moscow', 16 * 7, mono)).toBe('Wagner mutiny…');
	});

	it('measures text, not characters: wide letters take more room than narrow ones', () => {
		// "W" 12 px, everything else 4 px.
		const proportional = (text: string) => [...text].reduce((w, c) => w + (c === 'W' ? 12 : 4), 0);
		expect(fitLabel('WWW WWW iii', 4 * 12 + 8, proportional)).toBe('WWW…');
		expect(fitLabel('iii iii WWW', 4 * 12 + 8, proportional)).toBe('iii iii…');
	});

	it('keeps Cyrillic and accented words whole, and breaks Chinese between its words', () => {
		const russian = 'Переговоры Путина и Си Цзиньпина в Москве';
		const label = fitLabel(russian, 20 * 7, mono);
		expect(label).toBe('Переговоры Путина и…');
		const chinese = '中国国家主席习近平会见俄罗斯总统普京';
		for (let px = 7; px <= mono(chinese); px += 7) {
			const fitted = fitLabel(chinese, px, mono);
			expect(cutAtWordEnd(chinese, fitted), `${px} px gave “${fitted}”`).toBe(true);
		}
	});
});

describe('placing the picture’s items', () => {
	const day = 86_400_000;
	const window = { start: 0, end: 100 * day };
	// 10 px a day from x = 170 to x = 1170, then a 12 px margin: the picture is 1182 px wide.
	const width = 1182;
	const x = (ms: number) => 170 + (ms / day) * 10;
	const point = (id: string, startDay: number, title: string, lane = 'a'): EventItem => ({
		kind: 'event',
		id: `${id}@${lane}`,
		lane,
		key: id as EventKey,
		eventId: id,
		title,
		type: 'point',
		start: startDay * day,
		end: startDay * day,
		confidence: 'confirmed',
		eventKind: 'meeting',
		imprecise: false,
		uncertain: false,
		dates: { start: new Date(startDay * day).toISOString().slice(0, 10) as PartialDate },
		// The picture draws from the item's own fields, never from the event behind it.
		event: {} as KeyedEvent
	});
	const place = (items: TimelineItem[]) =>
		placeItems(
			items,
			window,
			width,
			x,
			(i) => (i.kind === 'cluster' ? `${i.count}` : i.title),
			mono
		);

	it('fits a title into the room left before the picture’s edge, at a word boundary', () => {
		const [late] = place([point('a', 80, 'Summit at the Vostochny cosmodrome')]).get('a') ?? [];
		// Marker at 970, label from 979, 12 px margin: 191 px of room, 27 characters.
		expect(late?.label).toBe('Summit at the Vostochny…');
		expect(late?.full).toBe('Summit at the Vostochny cosmodrome');
		expect(late?.leftwards).toBe(false);
	});

	it('caps a long title at 300 px, at a word boundary, wherever there is room', () => {
		const title = 'Kim Jong Un and Putin hold a summit at the Vostochny Cosmodrome in Amur Oblast';
		const [early] = place([point('a', 0, title)]).get('a') ?? [];
		// 42 characters of room: “…at the…” would take 43.
		expect(early?.label).toBe('Kim Jong Un and Putin hold a summit at…');
		expect(mono(early?.label ?? '')).toBeLessThanOrEqual(300);
	});

	it('puts a title to the marker’s left near the right edge when there is more room there', () => {
		const [edge] = place([point('edge', 99, 'Talks in Moscow')]).get('a') ?? [];
		expect(edge?.leftwards).toBe(true);
		expect(edge?.label).toBe('Talks in Moscow');
		expect(edge?.labelX).toBe(1160 - 9);
	});

	it('stacks items whose labels would overlap into rows, and leaves the others on the first', () => {
		const placed =
			place([point('a', 0, 'One'), point('b', 2, 'Two'), point('c', 60, 'Three')]).get('a') ?? [];
		expect(placed.map((p) => [p.item.id, p.row])).toEqual([
			['a@a', 0],
			['b@a', 1],
			['c@a', 0]
		]);
	});

	it('leaves out items laid out only for panning, outside the window', () => {
		const placed = place([point('before', -5, 'Early'), point('in', 50, 'In')]).get('a') ?? [];
		expect(placed.map((p) => p.item.id)).toEqual(['in@a']);
	});
});
