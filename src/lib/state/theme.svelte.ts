/** Light or dark theme: the user's choice, kept in localStorage, else the system's. */
export type Theme = 'light' | 'dark';

/** Where the choice is kept (a setting: see `settings.ts`). */
export const THEME_KEY = 'trama.theme';

export class ThemeState {
	current = $state<Theme>('light');

	/** Reads the theme `static/theme.js` set before the first paint. Call in the browser only. */
	constructor(root: HTMLElement) {
		this.#root = root;
		this.current = root.dataset.theme === 'dark' ? 'dark' : 'light';
	}

	#root: HTMLElement;

	toggle(): void {
		this.set(this.current === 'dark' ? 'light' : 'dark');
	}

	/** Applies a theme (e.g. the one a restored backup carries) and keeps it. */
	set(theme: Theme): void {
		this.current = theme;
		this.#root.dataset.theme = this.current;
		try {
			localStorage.setItem(THEME_KEY, this.current);
		} catch {
			// Storage refused (private mode): the choice lasts for this page only.
		}
	}
}
