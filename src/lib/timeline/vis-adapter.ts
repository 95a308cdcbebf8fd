/**
 * What vis-timeline shows inside items and lane labels, built as DOM elements with text: vis
 * sets string content as innerHTML, and imported titles are untrusted. Also the mapping of our
 * items to vis DataSet rows.
 */
import { firstStartingFrom, type EventKey, type KeyedEvent, type Lit } from '../model/events';
import type { ClusterItem, Lane, TimelineItem } from '../time/items';

/**
 * A row of vis-timeline's items DataSet. It holds no item of ours: vis keeps a row it is not
 * told has changed, so a row holding our item would keep the events that item reads (a cluster
 * reads its lane's events) for as long as it is drawn, a generation after they were replaced.
 * The timeline finds its item by the row's id (see `MainTimeline`).
 */
export interface VisItem {
	id: string;
	group: string;
	start: number;
	end?: number;
	type: 'range' | 'point' | 'box';
	className: string;
	content: string;
	/** Only the selected event can be dragged (in time, not to another lane). */
	editable: false | { updateTime: true; updateGroup: false; remove: false };
}

/** What a draggable item may do: move in time only. */
const MOVABLE = { updateTime: true, updateGroup: false, remove: false } as const;

export interface VisGroup {
	id: string;
	content: string;
	order: number;
	lane: Lane;
}

/**
 * Whether a cluster holds a lit event: when the highlight lists the events it may light, those
 * that start within the cluster's span are looked up in it; else each member is asked.
 */
export function clusterLit(cluster: ClusterItem, highlight: Lit): boolean {
	const among = highlight.among;
	if (!among) return cluster.some((e) => highlight.lights(e));
	// A member starts no earlier than the cluster and no later than its end (which is cut at
	// its bin's end, after every member's start).
	for (let x = firstStartingFrom(among, cluster.start); x < among.length; x++) {
		const e = among[x] as KeyedEvent;
		if (e.startMs > cluster.end) break;
		if (cluster.holds(e) && highlight.lights(e)) return true;
	}
	return false;
}

/** Builds the vis row for an item; `selectedKey` marks the copies of the selected event. */
export function toVisItem(
	item: TimelineItem,
	selectedKey: EventKey | undefined,
	highlight?: Lit
): VisItem {
	if (item.kind === 'cluster') {
		const hasSelected = selectedKey !== undefined && item.some((e) => e.key === selectedKey);
		const lit = highlight ? clusterLit(item, highlight) : undefined;
		const box = item.type === 'box';
		return {
			id: item.id,
			group: item.lane,
			start: box ? (item.start + item.end) / 2 : item.start,
			...(box ? {} : { end: item.end }),
			type: item.type,
			className: `t-cluster${hasSelected ? ' t-has-selected' : ''}${lit === undefined ? '' : lit ? ' t-hl' : ' t-dim'}`,
			content: '',
			editable: false
		};
	}
	const classes = [
		't-event',
		`t-conf-${item.confidence}`,
		`t-kind-${item.eventKind}`,
		item.imprecise ? 't-imprecise' : '',
		item.uncertain ? 't-uncertain' : '',
		item.key === selectedKey ? 't-selected' : '',
		highlight ? (highlight.lights(item.event) ? 't-hl' : 't-dim') : ''
	].filter(Boolean);
	return {
		id: item.id,
		group: item.lane,
		start: item.start,
		...(item.type === 'range' ? { end: item.end } : {}),
		type: item.type,
		className: classes.join(' '),
		content: '',
		editable: item.key === selectedKey ? MOVABLE : false
	};
}

/** The classes a highlight gives an item (see `toVisItem`). */
const HIGHLIGHT = / t-(?:hl|dim)\b/g;

/**
 * A signature of what a vis row shows, to update only rows that changed. The highlight is left
 * out: it changes no size, and goes to the drawn items directly (`restyleItems`).
 */
export function signature(v: VisItem, i: TimelineItem): string {
	return `${v.group}|${v.start}|${v.end ?? ''}|${v.type}|${v.className.replace(HIGHLIGHT, '')}|${i.kind === 'cluster' ? i.count : i.title}`;
}

/** The highlight classes of a row ("" when none), which `signature` leaves out. */
export const highlightOf = (v: VisItem): string => (v.className.match(HIGHLIGHT) ?? []).join('');

/** The element inside an item: the event title, or a cluster's count. */
export function itemElement(item: TimelineItem, clusterLabel: (n: number) => string): HTMLElement {
	const el = document.createElement('span');
	if (item.kind === 'cluster') {
		el.className = 't-item-text t-cluster-text';
		el.dataset.cluster = String(item.count);
		el.dataset.clusterEvents = item.eventIds.join(' ');
		el.textContent = clusterLabel(item.count);
	} else {
		el.className = 't-item-text';
		el.dataset.eventId = item.eventId;
		el.textContent = item.title;
	}
	return el;
}

/** The lane label: name and event count; an actor lane carries `data-actor-id`. */
export function laneElement(lane: Lane, countLabel: (n: number) => string): HTMLElement {
	const el = document.createElement('span');
	el.className = `t-lane${lane.others ? ' t-lane-others' : ''}`;
	el.dataset.lane = lane.id;
	if (lane.actorId) el.dataset.actorId = lane.actorId;
	// A lane's label opens the lane (its actor, or its events in the table): from the keyboard
	// too, handled by the timeline (see `MainTimeline`).
	el.tabIndex = 0;
	el.setAttribute('role', 'button');
	const name = document.createElement('span');
	name.className = 't-lane-name';
	name.textContent = lane.label;
	const count = document.createElement('span');
	count.className = 't-lane-count';
	count.textContent = countLabel(lane.count);
	el.append(name, count);
	return el;
}

/** The part of a moment (in UTC, see the `moment` option of vis) that axis labels use. */
export interface AxisMoment {
	year(): number;
	date(): number;
	weekday(): number;
	format(pattern: string): string;
}

/** vis-timeline's own axis formats (TimeStep.FORMAT), by scale. */
const MINOR_LABELS: Record<string, string> = {
	millisecond: 'SSS',
	second: 's',
	minute: 'HH:mm',
	hour: 'HH:mm',
	weekday: 'ddd D',
	day: 'D',
	week: 'w',
	month: 'MMM',
	year: 'YYYY'
};
const MAJOR_LABELS: Record<string, string> = {
	millisecond: 'HH:mm:ss',
	second: 'D MMMM HH:mm',
	minute: 'ddd D MMMM',
	hour: 'ddd D MMMM',
	weekday: 'MMMM YYYY',
	day: 'MMMM YYYY',
	week: 'MMMM YYYY',
	month: 'YYYY',
	year: ''
};

/**
 * The `format` option of vis-timeline: its own labels, except that the year comes from the date
 * module. moment writes astronomical -299 as "-0299" and year 300 as "0300"; the axis must read
 * "300 BCE" and "300", as the table and the details do.
 */
export function axisFormat(
	formatYear: (year: number) => string,
	toMoment: (date: Date) => AxisMoment
) {
	// vis types the argument as a Date; it passes a moment made by the `moment` option.
	const label =
		(formats: Record<string, string>, minor: boolean) =>
		(date: Date, scale: string, step: number) => {
			const pattern = formats[scale] ?? '';
			if (pattern === '') return '';
			const m = toMoment(date);
			// As vis does: no week number on the first of a month that does not start a week.
			if (minor && scale === 'week' && m.date() === 1 && m.weekday() !== 0) return '';
			// vis puts ticks of many years on round astronomical years, one off the years a reader
			// counts before year 1 (astronomical -3500 starts 3501 BCE). At a hundred years a tick
			// or more, a year is under a pixel: such a tick is named by the round year BCE.
			const y = m.year();
			const named = scale === 'year' && step >= 100 && y <= 0 ? y + 1 : y;
			return m.format(pattern.replace('YYYY', `[${formatYear(named)}]`));
		};
	return { minorLabels: label(MINOR_LABELS, true), majorLabels: label(MAJOR_LABELS, false) };
}
