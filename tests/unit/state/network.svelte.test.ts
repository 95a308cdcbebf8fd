import { describe, expect, it } from 'vitest';
import { toStored } from '$lib/db/repository';
import { indexById } from '$lib/model/events';
import type { Actor, ActorId, DatasetId } from '$lib/model/schema';
import { NetworkState } from '$lib/state/network.svelte';
import { TimelineState } from '$lib/state/timeline.svelte';
import { meetings, nativeFile } from '../helpers';

const file = nativeFile(meetings);
const actors: ReadonlyMap<ActorId, Actor> = indexById(file.actors);

function network(): NetworkState {
	const events = file.events.map((e) => toStored(e, 'test' as DatasetId));
	const tl = new TimelineState(
		() => events,
		() => actors
	);
	return new NetworkState(
		tl,
		(id) => actors.get(id)?.name ?? id,
		(id) => actors.has(id)
	);
}

describe('the network’s colours and their key', () => {
	it('by kind: every actor kind, in the theme’s colours', () => {
		const n = network();
		expect(n.legend).toEqual([
			{ key: 'person', label: 'Person', colour: 'var(--kind-person)' },
			{ key: 'state', label: 'State', colour: 'var(--kind-state)' },
			{ key: 'organisation', label: 'Organisation', colour: 'var(--kind-organisation)' },
			{ key: 'company', label: 'Company', colour: 'var(--kind-company)' }
		]);
		expect(n.colourOf('putin' as ActorId)).toBe('var(--kind-person)');
	});

	it('by country: the most common countries first, then the rest in grey', () => {
		const n = network();
		n.colorBy = 'country';
		expect(n.legend).toEqual([
			{ key: 'RU', label: 'Russia', colour: '#4e79a7' },
			{ key: 'CN', label: 'China', colour: '#f28e2c' },
			{ key: 'KP', label: 'North Korea', colour: '#e15759' },
			{ key: 'other', label: 'Other', colour: 'var(--text-3)' }
		]);
		expect(n.colourOf('shoigu' as ActorId)).toBe('#4e79a7');
		expect(n.colourOf('kim-jong-un' as ActorId)).toBe('#e15759');
		expect(n.colourOf('nobody' as ActorId)).toBe('var(--text-3)');
	});
});

describe('the network’s drawing', () => {
	it('is known while a view shows it, and forgotten when the view goes', () => {
		const n = network();
		const first = {} as SVGSVGElement;
		const second = {} as SVGSVGElement;
		expect(n.svg).toBeUndefined();
		const forgetFirst = n.attachSvg(first);
		expect(n.svg).toBe(first);
		// A second view took over before the first one went: the first must not clear it.
		const forgetSecond = n.attachSvg(second);
		forgetFirst();
		expect(n.svg).toBe(second);
		forgetSecond();
		expect(n.svg).toBeUndefined();
	});
});
