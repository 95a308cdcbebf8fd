/**
 * The shareable view in the URL: the visible window, the lane grouping and the selected event.
 * `?from=2023-09-01T00:00:00.000Z&to=2023-10-01T00:00:00.000Z&lanes=actor&event=kim-putin-vostochny-2023`
 * The app writes full instants; a link may also name dates as people write them
 * (`?from=2023-09&to=2023-10` is September and October, see {@link parseWindowEnd}).
 */
import { isoInstant, type Span } from '../model/dates';
import { GROUPINGS, type Grouping } from '../time/items';
import { parseWindowEnd } from '../time/zoom';
import { FACETS, type FacetName, type FilterQuery } from '../search/facets';

export interface View {
	window?: Span;
	grouping: Grouping;
	/** The selected event's id. */
	event?: string;
	/** The selected event's dataset, written only when another dataset has an event of that id. */
	dataset?: string;
	/** The selected actor's id. */
	actor?: string;
	/** The search's words (`q`) and facet choices (`f.<facet>`, once per value); absent: none. */
	filter?: FilterQuery;
}

export interface DecodedView {
	view: View;
	/** What in the URL could not be understood (and was ignored), for the user. */
	problems: string[];
}

export const DEFAULT_GROUPING: Grouping = 'actor';

export function decodeView(params: URLSearchParams): DecodedView {
	const problems: string[] = [];
	const view: View = { grouping: DEFAULT_GROUPING };
	const from = params.get('from');
	const to = params.get('to');
	if (from !== null || to !== null) {
		const start = from === null ? undefined : parseWindowEnd(from, 'from');
		const end = to === null ? undefined : parseWindowEnd(to, 'to');
		if (start === undefined || end === undefined) {
			problems.push('window');
		} else if (end <= start) {
			problems.push('window');
		} else {
			view.window = { start, end };
		}
	}
	const lanes = params.get('lanes');
	if (lanes !== null) {
		if ((GROUPINGS as readonly string[]).includes(lanes)) view.grouping = lanes as Grouping;
		else problems.push('lanes');
	}
	const event = params.get('event');
	if (event !== null && event !== '') view.event = event;
	const dataset = params.get('dataset');
	if (view.event !== undefined && dataset !== null && dataset !== '') view.dataset = dataset;
	const actor = params.get('actor');
	if (actor !== null && actor !== '') view.actor = actor;
	const filter: FilterQuery = { text: params.get('q') ?? '', facets: {} };
	for (const key of new Set(params.keys())) {
		if (!key.startsWith('f.')) continue;
		const facet = key.slice(2);
		if (!(FACETS as readonly string[]).includes(facet)) {
			problems.push('filter');
			continue;
		}
		const values = [...new Set(params.getAll(key).filter((v) => v !== ''))];
		if (values.length) filter.facets[facet as FacetName] = values;
	}
	if (filter.text !== '' || Object.keys(filter.facets).length) view.filter = filter;
	return { view, problems };
}

/** The URL search string for a view, keeping any parameters the view does not own. */
export function encodeView(view: View, base: URLSearchParams = new URLSearchParams()): string {
	const params = new URLSearchParams(base);
	for (const key of ['from', 'to', 'lanes', 'event', 'dataset', 'actor', 'q']) params.delete(key);
	for (const key of new Set(params.keys())) if (key.startsWith('f.')) params.delete(key);
	if (view.window) {
		params.set('from', isoInstant(Math.round(view.window.start)));
		params.set('to', isoInstant(Math.round(view.window.end)));
	}
	if (view.grouping !== DEFAULT_GROUPING) params.set('lanes', view.grouping);
	if (view.event !== undefined) params.set('event', view.event);
	if (view.event !== undefined && view.dataset !== undefined) params.set('dataset', view.dataset);
	if (view.actor !== undefined) params.set('actor', view.actor);
	if (view.filter) {
		if (view.filter.text.trim() !== '') params.set('q', view.filter.text);
		for (const f of FACETS) for (const v of view.filter.facets[f] ?? []) params.append(`f.${f}`, v);
	}
	const text = params.toString();
	return text === '' ? '' : `?${text}`;
}
