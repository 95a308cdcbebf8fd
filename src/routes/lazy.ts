/**
 * The views the first screen does without: the main timeline (vis-timeline, vis-data and moment
 * come after its component), the overview and the network (D3's brush, zoom and forces), and
 * the import and export dialogs, the event form, an event's history, and the panels of a
 * selected actor or link. The first screen is the shell and the table; these load in
 * parallel once it has painted, and each shows a placeholder of its own size until then.
 *
 * Each loader runs once: the page and the preload share one request. A failed load is
 * forgotten, so the next mount asks again.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
	let pending: Promise<T> | undefined;
	return () =>
		(pending ??= load().catch((error: unknown) => {
			pending = undefined;
			throw error;
		}));
}

export const loadMainTimeline = once(() => import('$lib/timeline/MainTimeline.svelte'));
export const loadOverview = once(() => import('$lib/timeline/Overview.svelte'));
export const loadNetworkView = once(() => import('$lib/network/NetworkView.svelte'));
export const loadImportDialog = once(() => import('$lib/ui/import/ImportDialog.svelte'));
export const loadExportDialog = once(() => import('$lib/ui/export/ExportDialog.svelte'));
export const loadEventEditor = once(() => import('$lib/ui/EventEditorDialog.svelte'));
export const loadEventHistory = once(() => import('$lib/ui/EventHistory.svelte'));
export const loadActorDialog = once(() => import('$lib/ui/ActorDialog.svelte'));
export const loadActorPanel = once(() => import('$lib/ui/ActorPanel.svelte'));
export const loadEdgePanel = once(() => import('$lib/ui/EdgePanel.svelte'));
/** The repository's change writer (it imports it itself on the first change; this warms it). */
const loadChangeWriter = once(() => import('$lib/db/changes'));

/**
 * The timeline's libraries, fetched beside its component rather than after it (the component
 * imports them itself when it mounts; the module cache makes that instant). Its stylesheet is
 * left to the component, so it still comes after the timeline's own.
 */
const loadTimelineLibraries = once(() =>
	Promise.all([import('vis-timeline/peer'), import('vis-data/peer'), import('moment')])
);

/**
 * Starts the views' loads after the next paint, so that the shell and the table are on screen
 * first and the views' code is fetched (and parsed) while the data is still being read; `onstart`
 * says when. Returns the cancel for an unmount before then.
 */
export function preloadViews(onstart?: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	// A frame, then a task: the callback runs after that frame has been painted.
	const frame = requestAnimationFrame(() => {
		timer = setTimeout(() => {
			onstart?.();
			startAll([loadMainTimeline, loadTimelineLibraries, loadOverview, loadNetworkView]);
		});
	});
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}

/**
 * Starts the loads of the dialogs, the side panels and the change writer: after the timeline's
 * first picture (see `+page.svelte`), so that their code is not parsed, nor the dialogs mounted,
 * while the page reads and draws the events (at 100,000 events, all of it ran between the read
 * and the first item). A dialog asked for sooner loads at once.
 */
export function preloadDialogs(): void {
	startAll([
		loadImportDialog,
		loadExportDialog,
		loadEventEditor,
		loadEventHistory,
		loadActorDialog,
		loadActorPanel,
		loadEdgePanel,
		loadChangeWriter
	]);
}

function startAll(loads: readonly (() => Promise<unknown>)[]): void {
	// A failure is shown where the view would be, when the page asks again.
	for (const load of loads) load().catch(() => undefined);
}
