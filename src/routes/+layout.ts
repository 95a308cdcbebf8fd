// The whole app runs in the browser: data lives in IndexedDB, nothing is rendered on a server.
export const ssr = false;
export const prerender = false;
