import { describe, expect, it } from 'vitest';
import { toStored } from '$lib/db/repository';
import {
	buildGraph,
	edgeId,
	restsOnClaims,
	strongerConfidence,
	type GraphEdge
} from '$lib/graph/graph';
import type { ActorId, Confidence, DatasetId } from '$lib/model/schema';
import type { EventKey, KeyedEvent } from '$lib/model/events';
import { event } from '../helpers';

const id = (s: string) => s as ActorId;

function te(name: string, day: number, confidence: Confidence, actors: string[]): KeyedEvent {
	const stored = toStored(
		event({
			id: name,
			start: `2023-05-${String(day).padStart(2, '0')}`,
			confidence,
			participants: actors.map((actor) => ({ actor }))
		}),
		'd' as DatasetId
	);
	return {
		key: stored.id as string as EventKey,
		event: stored,
		startMs: stored.startMs,
		endMs: stored.endMs
	};
}

const window = { start: Date.UTC(2023, 0, 1), end: Date.UTC(2024, 0, 1) };

function edge(events: KeyedEvent[], a: string, b: string): GraphEdge | undefined {
	return buildGraph(events, window).edges.find((e) => e.id === edgeId(id(a), id(b)));
}

describe('the confidence of a link', () => {
	it('confirmed beats reported, reported beats claimed, claimed beats denied', () => {
		expect(strongerConfidence('reported', 'confirmed')).toBe('confirmed');
		expect(strongerConfidence('claimed', 'reported')).toBe('reported');
		expect(strongerConfidence('denied', 'claimed')).toBe('claimed');
		expect(strongerConfidence('confirmed', 'denied')).toBe('confirmed');
	});

	it('a link is as sure as the strongest of its events', () => {
		const events = [
			te('a', 1, 'claimed', ['putin', 'kim-jong-un']),
			te('b', 2, 'reported', ['putin', 'kim-jong-un']),
			te('c', 3, 'denied', ['putin', 'kim-jong-un'])
		];
		const e = edge(events, 'putin', 'kim-jong-un');
		expect(e?.confidence).toBe('reported');
		expect(e && restsOnClaims(e)).toBe(false);
	});

	it('a link whose events are all claimed or denied rests on claims', () => {
		const events = [
			te('a', 1, 'denied', ['putin', 'kim-jong-un', 'shoigu']),
			te('b', 2, 'claimed', ['putin', 'kim-jong-un']),
			te('c', 3, 'confirmed', ['putin', 'shoigu'])
		];
		const pk = edge(events, 'putin', 'kim-jong-un');
		expect(pk?.confidence).toBe('claimed');
		expect(pk && restsOnClaims(pk)).toBe(true);
		// Denied alone: the weakest of all.
		const ks = edge(events, 'kim-jong-un', 'shoigu');
		expect(ks?.confidence).toBe('denied');
		expect(ks && restsOnClaims(ks)).toBe(true);
		// One confirmed event is enough to make a link sure.
		const ps = edge(events, 'putin', 'shoigu');
		expect(ps?.confidence).toBe('confirmed');
		expect(ps && restsOnClaims(ps)).toBe(false);
	});
});
