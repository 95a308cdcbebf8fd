import { describe, expect, it } from 'vitest';
import {
	DAY,
	HOUR,
	clampWindow,
	dataDomain,
	focusWindow,
	panWindow,
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
