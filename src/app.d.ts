// See https://svelte.dev/docs/kit/types#app.d.ts
import type { View } from '$lib/state/view';
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		interface PageState {
			/** The view a history entry shows (see src/lib/state/view.ts). */
			view?: View;
		}
		// interface Platform {}
	}
}

export {};
