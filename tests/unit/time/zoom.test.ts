import { describe, expect, it } from 'vitest';
import {
	DAY,
	HOUR,
	clampWindow,
	dataDomain,
	fitSpans,
	focusWindow,
	panWindow,
	parseWindowEnd,
	presetWindow,
	recentreWindow,
	zoomWindow
} from '$lib/time/zoom';

const utc = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);
const domain = { start: utc(2013), end: utc(2025) };

describe('window arithmetic', () => {
	it('the domain is the data plus a margin', () => {
		const d = dataDomain({ start: utc(2013), end: utc(2023) });
		expect(d.start).toBeLessThan(utc(2013));
		expect(d.end).toBeGreaterThan(utc(2023));
		expect(
			dataDomain({ start: utc(2023, 9, 13), end: utc(2023, 9, 14) }).end - utc(2023, 9, 14)
		).toBe(7 * DAY);
	});

	it('zooms around an anchor: the anchor stays where it was', () => {
		const w = { start: utc(2020), end: utc(2022) };
		const anchor = utc(2020, 7);
		const z = zoomWindow(w, 0.5, domain, anchor);
		expect((anchor - z.start) / (z.end - z.start)).toBeCloseTo(
			(anchor - w.start) / (w.end - w.start),
			10
		);
		expect(z.end - z.start).toBe((w.end - w.start) / 2);
	});

	it('never narrower than an hour, never wider than the domain, never outside it', () => {
		const tiny = zoomWindow({ start: utc(2020), end: utc(2020) + 2 * HOUR }, 0.01, domain);
		expect(tiny.end - tiny.start).toBe(HOUR);
		expect(zoomWindow({ start: utc(2015), end: utc(2020) }, 100, domain)).toEqual(domain);
		expect(panWindow({ start: utc(2023), end: utc(2024, 12) }, 1, domain)).toEqual({
			start: utc(2024, 12) - (utc(2024, 12) - utc(2023)) + (domain.end - utc(2024, 12)),
			end: domain.end
		});
		expect(clampWindow({ start: utc(2010), end: utc(2011) }, domain).start).toBe(domain.start);
	});

	it('presets keep the centre; "all" is the domain', () => {
		const w = { start: utc(2023, 9), end: utc(2023, 10) };
		const year = presetWindow(w, 'year', domain);
		expect((year.start + year.end) / 2).toBeCloseTo((w.start + w.end) / 2, -3);
		expect(Math.round((year.end - year.start) / DAY)).toBe(365);
		expect(
			Math.round(
				(presetWindow(w, 'week', domain).end - presetWindow(w, 'week', domain).start) / DAY
			)
		).toBe(7);
		expect(presetWindow(w, 'all', domain)).toEqual(domain);
	});

	it('focus shows a span with room around it; recentre keeps the width', () => {
		const f = focusWindow({ start: utc(2023, 9, 13), end: utc(2023, 9, 14) }, domain);
		expect(f.end - f.start).toBe(3 * DAY);
		expect(f.start).toBe(utc(2023, 9, 12));
		const r = recentreWindow({ start: utc(2020), end: utc(2021) }, utc(2023, 7, 2), domain);
		expect(r.end - r.start).toBe(utc(2021) - utc(2020));
	});
});

describe('the domain stays within the supported years', () => {
	it('does not pad past 10000 BCE or year 9999', () => {
		const d = dataDomain({ start: Date.UTC(2000, 0, 1) - 12000 * 365.25 * DAY, end: utc(2000) });
		expect(new Date(d.start).getUTCFullYear()).toBe(-9999);
		const late = dataDomain({ start: utc(9990), end: utc(9999, 12, 31) });
		expect(new Date(late.end).getUTCFullYear()).toBe(9999);
	});
});

describe('presets near events', () => {
	// 25–27 Jul 2023, 13 Sept 2023, and a long span over both (2021–2024).
	const shoigu = { start: utc(2023, 7, 25), end: utc(2023, 7, 28) };
	const summit = { start: utc(2023, 9, 13), end: utc(2023, 9, 14) };
	const long = { start: utc(2021), end: utc(2025) };
	const events = [long, shoigu, summit];

	it('centre on the selected event, whatever the window shows', () => {
		const w = { start: utc(2015), end: utc(2016) };
		const week = presetWindow(w, 'week', domain, { selected: summit, events });
		// The summit's middle is noon on the 13th: three and a half days each side.
		expect(week).toEqual({ start: utc(2023, 9, 10), end: utc(2023, 9, 17) });
	});

	it('show the beginning of a selected event longer than the preset', () => {
		const month = presetWindow(summit, 'month', domain, { selected: long });
		const w = month.end - month.start;
		expect(month.start).toBe(long.start - w * 0.1);
	});

	it('keep the centre when something begins or ends near it', () => {
		// Centred on 24 Jul: the Shoigu visit begins within the week around it.
		const w = { start: utc(2023, 7, 10), end: utc(2023, 8, 7) };
		expect(presetWindow(w, 'week', domain, { events })).toEqual(presetWindow(w, 'week', domain));
	});

	it('move to the nearest event in view instead of an empty stretch', () => {
		// Centred on 14 Aug: only the long span covers that week. The Shoigu visit's middle
		// (26 Jul) is 19 days away, the summit's (13 Sept) 30.
		const w = { start: utc(2023, 7, 1), end: utc(2023, 9, 28) };
		const week = presetWindow(w, 'week', domain, { events });
		expect((week.start + week.end) / 2).toBe((shoigu.start + shoigu.end) / 2);
		// With nothing in view, the centre stays.
		const empty = { start: utc(2014), end: utc(2015) };
		expect(presetWindow(empty, 'week', domain, { events: [summit] })).toEqual(
			presetWindow(empty, 'week', domain)
		);
	});

	it('fit a set of spans with a margin of 5%, at least a day', () => {
		expect(fitSpans([shoigu, summit], domain)).toEqual({
			start: shoigu.start - (summit.end - shoigu.start) * 0.05,
			end: summit.end + (summit.end - shoigu.start) * 0.05
		});
		expect(fitSpans([summit], domain)).toEqual({ start: utc(2023, 9, 12), end: utc(2023, 9, 15) });
		expect(fitSpans([], domain)).toBeUndefined();
	});
});

describe('the ends of a window in a link', () => {
	it('read full instants as they are', () => {
		expect(parseWindowEnd('2023-09-10T00:00:00.000Z', 'from')).toBe(utc(2023, 9, 10));
		expect(parseWindowEnd('2023-09-20T06:30:00Z', 'to')).toBe(Date.UTC(2023, 8, 20, 6, 30));
	});

	it('read dates as the period they name: from its first instant, to its end', () => {
		expect(parseWindowEnd('2023', 'from')).toBe(utc(2023));
		expect(parseWindowEnd('2023', 'to')).toBe(utc(2024));
		expect(parseWindowEnd('2023-09', 'from')).toBe(utc(2023, 9));
		expect(parseWindowEnd('2023-10', 'to')).toBe(utc(2023, 11));
		expect(parseWindowEnd('2023-12', 'to')).toBe(utc(2024));
		expect(parseWindowEnd('2023-09-20', 'to')).toBe(utc(2023, 9, 21));
		expect(parseWindowEnd('2024-02-29', 'to')).toBe(utc(2024, 3, 1));
		// A time is an instant, at either end.
		expect(parseWindowEnd('2023-09-13T14:30Z', 'to')).toBe(Date.UTC(2023, 8, 13, 14, 30));
	});

	it('read years before 1 as ISO 8601 counts them: 0000 is 1 BCE', () => {
		expect(parseWindowEnd('0000', 'from')).toBe(
			Date.UTC(2000, 0, 1) - 2000 * 365.2425 * 86_400_000
		);
	});

	it('refuse anything else', () => {
		for (const text of [
			'yesterday',
			'2023-13',
			'2023-02-29',
			'23-09',
			' 2023',
			'2023-9',
			'10000',
			''
		])
			expect(parseWindowEnd(text, 'from'), text).toBeUndefined();
	});
});

describe('a date picked by pointing', () => {
	it('is a year on a window of decades, a month on one of years, a day closer in', async () => {
		const { pickPrecision } = await import('$lib/time/zoom');
		expect(pickPrecision({ start: utc(1990), end: utc(2025) })).toBe('year');
		expect(pickPrecision({ start: utc(2013), end: utc(2025) })).toBe('month');
		expect(pickPrecision({ start: utc(2023, 9), end: utc(2023, 10) })).toBe('day');
	});
});
