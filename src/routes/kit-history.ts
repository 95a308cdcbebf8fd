/** The app's history port: SvelteKit's shallow routing on the dashboard page. */
import { pushState, replaceState } from '$app/navigation';
import { page } from '$app/state';
import type { HistoryPort } from '$lib/state/history';

export const kitHistory: HistoryPort = {
	search: () => location.search.replace(/^\?/, ''),
	pathname: () => location.pathname,
	href: () => location.href,
	// Shallow routing on the current page: only the query changes, so there is no route to resolve.
	// eslint-disable-next-line svelte/no-navigation-without-resolve
	push: (url, view) => pushState(url, { view }),
	replace: (url, view) =>
		// eslint-disable-next-line svelte/no-navigation-without-resolve
		replaceState(url, view === undefined ? {} : { view }),
	view: () => page.state.view
};
