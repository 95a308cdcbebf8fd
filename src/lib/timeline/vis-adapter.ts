/**
 * What vis-timeline shows inside items and lane labels, built as DOM elements with text: vis
 * sets string content as innerHTML, and imported titles are untrusted. Also the mapping of our
 * items to vis DataSet rows.
 */
import type { EventKey } from '../model/events';
import type { Lane, TimelineItem } from '../time/items';

/** A row of vis-timeline's items DataSet; `item` keeps our own item for the templates. */
export interface VisItem {
	id: string;
	group: string;
	start: number;
	end?: number;
	type: 'range' | 'point' | 'box';
	className: string;
	content: string;
	item: TimelineItem;
}

export interface VisGroup {
	id: string;
	content: string;
	order: number;
	lane: Lane;
}

/** Builds the vis row for an item; `selectedKey` marks the copies of the selected event. */
export function toVisItem(
	item: TimelineItem,
	selectedKey: EventKey | undefined,
	highlight?: ReadonlySet<EventKey>
): VisItem {
	if (item.kind === 'cluster') {
		const hasSelected = selectedKey !== undefined && item.keys.includes(selectedKey);
		const lit = highlight ? item.keys.some((k) => highlight.has(k)) : undefined;
		const box = item.type === 'box';
		return {
			id: item.id,
			group: item.lane,
			start: box ? (item.start + item.end) / 2 : item.start,
			...(box ? {} : { end: item.end }),
			type: item.type,
			className: `t-cluster${hasSelected ? ' t-has-selected' : ''}${lit === undefined ? '' : lit ? ' t-hl' : ' t-dim'}`,
			content: '',
			item
		};
	}
	const classes = [
		't-event',
		`t-conf-${item.confidence}`,
		`t-kind-${item.eventKind}`,
		item.imprecise ? 't-imprecise' : '',
		item.uncertain ? 't-uncertain' : '',
		item.key === selectedKey ? 't-selected' : '',
		highlight ? (highlight.has(item.key) ? 't-hl' : 't-dim') : ''
	].filter(Boolean);
	return {
		id: item.id,
		group: item.lane,
		start: item.start,
		...(item.type === 'range' ? { end: item.end } : {}),
		type: item.type,
		className: classes.join(' '),
		content: '',
		item
	};
}

/** A signature of what a vis row shows, to update only rows that changed. */
export function signature(v: VisItem): string {
	const i = v.item;
	return `${v.group}|${v.start}|${v.end ?? ''}|${v.type}|${v.className}|${i.kind === 'cluster' ? i.count : i.title}`;
}

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
	const name = document.createElement('span');
	name.className = 't-lane-name';
	name.textContent = lane.label;
	const count = document.createElement('span');
	count.className = 't-lane-count';
	count.textContent = countLabel(lane.count);
	el.append(name, count);
	return el;
}
