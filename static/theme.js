// Sets the theme before the first paint, so a dark-theme user never sees a white flash. A file of
// its own, not an inline script: the page's Content-Security-Policy runs no inline scripts.
try {
	const saved = localStorage.getItem('trama.theme');
	document.documentElement.dataset.theme =
		saved === 'dark' || saved === 'light'
			? saved
			: matchMedia('(prefers-color-scheme: dark)').matches
				? 'dark'
				: 'light';
} catch {
	document.documentElement.dataset.theme = 'light';
}
