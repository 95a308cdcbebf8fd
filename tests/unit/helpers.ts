/** Small builders for tests: valid records that each test changes one thing in. */
import { describeError, describeMessage } from '$lib/i18n';
import { isMessageCode, type Message } from '$lib/model/messages';
import {
	eventSchema,
	nativeFileSchema,
	type NativeFile,
	type TramaEvent,
	type TramaEventInput
} from '$lib/model/schema';
import type { GraphWorkerLike } from '$lib/graph/graph-client';

export const actorInputs = [
	{
		id: 'putin',
		name: 'Vladimir Putin',
		aliases: ['Vladímir Putin', 'Владимир Путин'],
		kind: 'person',
		country: 'RU'
	},
	{ id: 'xi-jinping', name: 'Xi Jinping', aliases: ['习近平'], kind: 'person', country: 'CN' },
	{
		id: 'kim-jong-un',
		name: 'Kim Jong Un',
		aliases: ['Kim Jong-un', '김정은'],
		kind: 'person',
		country: 'KP'
	},
	{
		id: 'shoigu',
		name: 'Sergei Shoigu',
		aliases: ['Serguéi Shoigú'],
		kind: 'person',
		country: 'RU'
	}
] as const;

export function eventInput(overrides: Partial<TramaEventInput> & { id: string }): TramaEventInput {
	return {
		title: `Event ${overrides.id}`,
		start: '2023-09-13',
		confidence: 'confirmed',
		sources: [{ url: 'https://example.org/report', publisher: 'Example' }],
		...overrides
	};
}

export function event(overrides: Partial<TramaEventInput> & { id: string }): TramaEvent {
	return eventSchema.parse(eventInput(overrides));
}

/** A valid native file of the given events (actors from {@link actorInputs}). */
export function nativeFile(
	events: TramaEventInput[],
	dataset: { id: string; name: string } = { id: 'test', name: 'Test set' }
): NativeFile {
	return nativeFileSchema.parse({
		format: 'trama',
		version: 1,
		dataset,
		actors: actorInputs,
		events
	});
}

export const meetings: TramaEventInput[] = [
	eventInput({
		id: 'xi-moscow-2013',
		title: 'Xi Jinping state visit to Moscow',
		start: '2013-03-22',
		end: '2013-03-24',
		kind: 'state_visit',
		place: { name: 'Moscow', country: 'RU' },
		participants: [
			{ actor: 'xi-jinping', role: 'guest' },
			{ actor: 'putin', role: 'host' }
		],
		relations: [{ type: 'met', source: 'putin', target: 'xi-jinping' }]
	}),
	eventInput({
		id: 'shoigu-pyongyang-2023',
		title: 'Shoigu visits Pyongyang',
		start: '2023-07-25',
		end: '2023-07-27',
		kind: 'official_visit',
		place: { name: 'Pyongyang', country: 'KP' },
		participants: [{ actor: 'shoigu' }, { actor: 'kim-jong-un' }]
	}),
	eventInput({
		id: 'letters-2023',
		title: 'Kim and Putin exchange letters',
		start: '2023-08',
		kind: 'correspondence',
		confidence: 'reported',
		participants: [{ actor: 'kim-jong-un' }, { actor: 'putin' }],
		relations: [{ type: 'wrote_to', source: 'kim-jong-un', target: 'putin' }]
	}),
	eventInput({
		id: 'vostochny-2023',
		title: 'Kim–Putin summit at Vostochny',
		start: '2023-09-13',
		kind: 'summit',
		place: { name: 'Vostochny Cosmodrome', country: 'RU' },
		participants: [
			{ actor: 'putin', role: 'host' },
			{ actor: 'kim-jong-un', role: 'guest' }
		]
	})
];

/**
 * The value with every message in it put into English words (a problem's message too), so that
 * tests compare what a user reads.
 */
export function inEnglish(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(inEnglish);
	if (typeof value !== 'object' || value === null) return value;
	const { code } = value as { code?: unknown };
	if (isMessageCode(code) && 'params' in value) return describeMessage(value as Message);
	return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inEnglish(v)]));
}

/** What a user reads when the promise fails (it must fail). */
export async function rejection(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		return describeError(error);
	}
	throw new Error('expected the promise to be rejected');
}

/** A localStorage for Node: the part of `Storage` the app uses. */
export class MemoryStorage {
	readonly items = new Map<string, string>();
	get length(): number {
		return this.items.size;
	}
	key(i: number): string | null {
		return [...this.items.keys()][i] ?? null;
	}
	getItem(key: string): string | null {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		this.items.set(key, String(value));
	}
	removeItem(key: string): void {
		this.items.delete(key);
	}
}

/** Gives the global scope a fresh `localStorage` (undo with `removeMemoryStorage`). */
export function installMemoryStorage(): MemoryStorage {
	const storage = new MemoryStorage();
	Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
	return storage;
}

export function removeMemoryStorage(): void {
	Reflect.deleteProperty(globalThis, 'localStorage');
}

/** A graph worker that only records what the page posts to it. */
export function recordingWorker() {
	const posted: Record<string, unknown>[] = [];
	const worker = {
		postMessage: (m: Record<string, unknown>) => posted.push(m),
		terminate: () => {},
		onmessage: null,
		onerror: null
	} as unknown as GraphWorkerLike;
	return { posted, worker };
}
