import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		// A single-page app: every path falls back to the same shell, rendered in the browser.
		adapter: adapter({ fallback: '200.html' }),
		// The page runs only its own scripts: Kit's inline bootstrap by its hash, everything else
		// from this origin; no `eval`, no plugins, no <base>. A static host serves this as a
		// <meta> tag (README: the headers a host should add, with `frame-ancestors`, which a
		// <meta> tag cannot carry). Imports by address and pictures the user asks for come from
		// any web address, so `connect-src` and `img-src` allow http(s); what may be fetched is
		// the user's to confirm, host by host (the import dialog asks).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'worker-src': ['self'],
				// Svelte and vis-timeline set inline styles; styles cannot run code.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', 'https:', 'http:'],
				'connect-src': ['self', 'https:', 'http:'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
