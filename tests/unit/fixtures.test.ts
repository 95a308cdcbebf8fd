import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeProblem } from '$lib/i18n';
import { parseNativeFile } from '$lib/model/validate';
import {
	generateFile,
	generateScaleFile,
	scaleActorCount,
	startMsOf,
	writeScaleFile
} from '../fixtures/generate';

describe('the seeded generator', () => {
	it('makes valid native files, the same for the same seed', () => {
		const file = generateFile(2000);
		const parsed = parseNativeFile(file);
		expect(parsed.ok ? [] : parsed.problems.slice(0, 3).map(describeProblem)).toEqual([]);
		expect(JSON.stringify(generateFile(50))).toBe(JSON.stringify(generateFile(50)));
		expect(JSON.stringify(generateFile(50, 60, 0.1))).not.toBe(JSON.stringify(generateFile(50)));
	});
});

describe('the scale generator', () => {
	it('makes valid native files, the same for the same seed, streamed or not', async () => {
		const file = generateScaleFile(3000);
		const parsed = parseNativeFile(file);
		expect(parsed.ok ? [] : parsed.problems.slice(0, 3).map(describeProblem)).toEqual([]);
		expect(file.actors).toHaveLength(scaleActorCount(3000));
		expect(JSON.stringify(generateScaleFile(50, { seed: 0.1 }))).not.toBe(
			JSON.stringify(generateScaleFile(50))
		);
		const path = join(mkdtempSync(join(tmpdir(), 'trama-scale-')), 'scale.json');
		await writeScaleFile(path, 3000);
		expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(file));
	});

	it('has a few very active actors, bursts of dates and mixed precision', () => {
		const { events } = generateScaleFile(20_000);
		const perActor = new Map<string, number>();
		for (const e of events)
			for (const p of e.participants ?? []) perActor.set(p.actor, (perActor.get(p.actor) ?? 0) + 1);
		const ranked = [...perActor.values()].sort((a, b) => b - a);
		// The busiest actor is in a large share of events; half the actors are in a handful.
		expect(ranked[0] ?? 0).toBeGreaterThan(events.length / 5);
		expect(ranked[Math.floor(ranked.length / 2)] ?? 0).toBeLessThan(events.length / 500);
		// Bursty: the busiest month holds far more than an even share (360 months).
		const perMonth = new Map<number, number>();
		for (const e of events) {
			const d = new Date(startMsOf(e.start));
			const m = d.getUTCFullYear() * 12 + d.getUTCMonth();
			perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
		}
		expect(Math.max(...perMonth.values())).toBeGreaterThan((events.length / 360) * 5);
		const lengths = new Set(events.map((e) => e.start.length));
		expect([...lengths].sort((a, b) => a - b)).toEqual([4, 7, 10]);
		expect(events.some((e) => e.end)).toBe(true);
		expect(events.some((e) => (e.relations ?? []).length > 0)).toBe(true);
	});
});
