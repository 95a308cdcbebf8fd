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
