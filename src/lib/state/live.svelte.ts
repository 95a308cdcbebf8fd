/**
 * A live query as runes state: `current` holds the latest result and updates whenever the data
 * behind the query changes, in this tab or another. The subscription opens when a view first
 * reads the value and closes when no view reads it any more.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { Subscribable } from '../db/repository';

export type LiveStatus = 'loading' | 'ready' | 'error';

export class Live<T> {
	#value = $state.raw<T | undefined>(undefined);
	#error = $state.raw<unknown>(undefined);
	#status = $state<LiveStatus>('loading');
	#subscribe: () => void;

	constructor(source: Subscribable<T>) {
		this.#subscribe = createSubscriber(() => {
			const subscription = source.subscribe({
				next: (value) => {
					this.#value = value;
					this.#error = undefined;
					this.#status = 'ready';
				},
				error: (error) => {
					this.#error = error;
					this.#status = 'error';
				}
			});
			return () => subscription.unsubscribe();
		});
	}

	/** The latest result; undefined until the first one arrives. */
	get current(): T | undefined {
		this.#subscribe();
		return this.#value;
	}

	get status(): LiveStatus {
		this.#subscribe();
		return this.#status;
	}

	get error(): unknown {
		this.#subscribe();
		return this.#error;
	}
}

/**
 * A live query whose results go through an asynchronous step (the heads parsed a block at a
 * time): each result is transformed, and only the latest one's outcome is passed on; one that a
 * newer result overtook while it was transformed is dropped.
 */
export function mapLatest<T, U>(
	source: Subscribable<T>,
	transform: (value: T) => Promise<U>
): Subscribable<U> {
	return {
		subscribe(observer) {
			let latest = 0;
			let closed = false;
			const subscription = source.subscribe({
				next: (value) => {
					const mine = ++latest;
					transform(value).then(
						(out) => {
							if (mine === latest && !closed) observer.next(out);
						},
						(error: unknown) => {
							if (mine === latest && !closed) observer.error(error);
						}
					);
				},
				error: (error) => {
					if (!closed) observer.error(error);
				}
			});
			return {
				unsubscribe() {
					closed = true;
					subscription.unsubscribe();
				}
			};
		}
	};
}

/** Lets the page draw and answer input before going on (a new task, not clamped like timers). */
export function yieldToPage(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (scheduler?.yield) return scheduler.yield();
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(undefined);
	});
}
