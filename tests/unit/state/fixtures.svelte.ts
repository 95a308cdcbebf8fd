/**
 * What the state classes' tests share: the test meetings as stored events of one dataset, their
 * actors, and fakes of the outside world (history, frames, the import and restore workers).
 */
import { toStored, type StoredEvent } from '$lib/db/repository';
import { indexById } from '$lib/model/events';
import { actorSchema, type Actor, type ActorId, type DatasetId } from '$lib/model/schema';
import type { AppState } from '$lib/state/app.svelte';
import { Dashboard } from '$lib/state/dashboard.svelte';
import { inThreadRestores } from '$lib/import/in-thread';
import type { HistoryPort } from '$lib/state/history';
import type { View } from '$lib/state/view';
import { actorInputs, event, meetings } from '../helpers';

export const DATASET = 'test' as DatasetId;
export const utc = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);

/** The four test meetings (2013, Jul 2023, Aug 2023, 13 Sept 2023) as stored events. */
export function storedMeetings(datasetId: DatasetId = DATASET): StoredEvent[] {
	return meetings.map((m) => toStored(event(m), datasetId));
}

export const actors: Actor[] = actorInputs.map((a) => actorSchema.parse(a));
export const actorMap: ReadonlyMap<ActorId, Actor> = indexById(actors);
export const actorId = (id: string) => id as ActorId;

/** An address of the app, parsed once per use (not state). */
const address = (url: string) => new URL(url, 'https://trama.test');

/** A history in memory: entries of an address and a view; back and forward move through them. */
export class MemoryHistory implements HistoryPort {
	// Raw, as the router keeps it: a view read back is the object written.
	entries = $state.raw<{ url: string; view: View | undefined }[]>([]);
	index = $state(0);

	constructor(url = '/') {
		this.entries = [{ url, view: undefined }];
	}

	get url(): string {
		return this.entries[this.index]?.url ?? '/';
	}
	search(): string {
		return address(this.url).search.replace(/^\?/, '');
	}
	pathname(): string {
		return address(this.url).pathname;
	}
	href(): string {
		return address(this.url).href;
	}
	push(url: string, view: View): void {
		this.entries = [...this.entries.slice(0, this.index + 1), { url, view }];
		this.index = this.entries.length - 1;
	}
	replace(url: string, view: View | undefined): void {
		this.entries = this.entries.map((e, i) => (i === this.index ? { url, view } : e));
	}
	view(): View | undefined {
		return this.entries[this.index]?.view;
	}
	back(): void {
		this.index = Math.max(0, this.index - 1);
	}
}

/** Frames that run only when the test says so. */
export class ManualFrames {
	#pending: (() => void)[] = [];
	schedule = (callback: () => void) => {
		this.#pending.push(callback);
		return () => {
			this.#pending = this.#pending.filter((c) => c !== callback);
		};
	};
	run(): void {
		const pending = this.#pending;
		this.#pending = [];
		for (const callback of pending) callback();
	}
	get waiting(): number {
		return this.#pending.length;
	}
}

/**
 * The views' states as the page wires them, through a dashboard with a history in memory, no
 * theme and frames run by hand; `stop` ends its effects.
 */
export function testDashboard(app: AppState): { dash: Dashboard; stop: () => void } {
	let dash!: Dashboard;
	const stop = $effect.root(() => {
		dash = new Dashboard({
			app,
			history: new MemoryHistory(),
			theme: { set: () => {} },
			schedule: new ManualFrames().schedule
		});
	});
	return { dash, stop };
}

/** The restore worker, run in this thread over the given store. */
export const inThreadRestorer = inThreadRestores;
