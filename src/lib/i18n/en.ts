/**
 * Every string the English interface shows. Another language is another file of this shape
 * (`Messages`); numbers and dates are formatted through Intl with the language's `locale`.
 */
import { formatLocalInstant } from '../model/dates';
import type { DetectedFormat, Mappable, Stage } from '../model/import';
import type { ActorKind, Confidence, EventKind, RelationType } from '../model/schema';

const plural = new Intl.PluralRules('en');
const number = new Intl.NumberFormat('en-GB');
const count = (n: number, one: string, other: string) =>
	`${number.format(n)} ${plural.select(n) === 'one' ? one : other}`;

export const en = {
	/** BCP 47 locale for Intl date and number formatting. */
	locale: 'en-GB',
	app: {
		name: 'Trama',
		tagline: 'Dated events, linked timelines and actor networks — kept in your browser'
	},
	theme: {
		toLight: 'Switch to light theme',
		toDark: 'Switch to dark theme'
	},
	datasets: {
		heading: 'Datasets',
		events: (n: number) => count(n, 'event', 'events'),
		default: 'Default dataset',
		deleteLabel: (name: string) => `Delete dataset “${name}”`,
		deleteTitle: 'Delete this dataset?',
		deleteBody: (name: string, n: number) =>
			`“${name}” and its ${count(n, 'event', 'events')} will be removed from this browser. Actors that other datasets still use are kept.`,
		deleteConfirm: 'Delete dataset',
		restore: 'Restore the default dataset',
		restoreTitle: 'Restore the default dataset?',
		restoreBody:
			'The default dataset’s events are brought back as shipped; edits to them are replaced. Your other datasets are not touched.',
		restoreConfirm: 'Restore',
		restored: (n: number) => `Default dataset restored: ${count(n, 'event', 'events')}.`,
		deleted: (name: string) => `Deleted “${name}”.`,
		none: 'No datasets',
		show: (name: string) => `Show “${name}” in the views`,
		hiddenNotice: (name: string) => `“${name}” is hidden.`,
		shownNotice: (name: string) => `“${name}” is shown.`,
		hiddenLabel: 'hidden',
		renameLabel: (name: string) => `Rename “${name}”`,
		renameField: 'New name',
		renameSave: 'Save',
		renamed: (name: string) => `Renamed to “${name}”.`
	},
	common: {
		cancel: 'Cancel',
		close: 'Close',
		retry: 'Try again'
	},
	status: {
		loading: 'Opening your data…',
		startFailed: 'Trama could not open its data',
		storageHint:
			'Trama keeps its data in this browser (IndexedDB). Private windows and some privacy settings block it.',
		actionFailed: (what: string) => `That did not work: ${what}`
	},
	table: {
		heading: 'Events',
		caption: 'Events in chronological order',
		filterLabel: 'Filter events',
		filterPlaceholder: 'Filter by title, actor, place, tag, source…',
		clearFilter: 'Clear filter',
		showing: (shown: number, total: number) =>
			shown === total
				? count(total, 'event', 'events')
				: `${number.format(shown)} of ${count(total, 'event', 'events')}`,
		columns: {
			date: 'Date',
			title: 'Event',
			actors: 'Actors',
			place: 'Place',
			confidence: 'Confidence',
			sources: 'Sources'
		},
		sortAscending: 'Date, oldest first — sort newest first',
		sortDescending: 'Date, newest first — sort oldest first',
		noMatchTitle: 'No event matches the filter',
		noMatchBody: (query: string) => `Nothing contains “${query}”. Try fewer or other words.`,
		emptyTitle: 'No events yet',
		emptyBody:
			'Every dataset is gone from this browser. Restore the default dataset to start again.',
		noSource: 'No source',
		more: (n: number) => `${number.format(n)} more…`,
		circa: 'c.',
		between: (a: string, b: string) => `between ${a} and ${b}`
	},
	timeline: {
		label: 'Timeline',
		keyboardHelp:
			'Keys: + and − zoom, arrows pan (or step between events when one is selected), 0 fits all, Enter opens, Escape closes.',
		others: (n: number) => `Others (${number.format(n)} actors)`,
		noActor: 'No actor',
		noPlace: 'No place',
		allEvents: 'All events',
		lanes: 'Lanes',
		grouping: { actor: 'Actor', kind: 'Kind', country: 'Country', none: 'None' },
		presets: { all: 'All', decade: 'Decade', year: 'Year', month: 'Month', week: 'Week' },
		zoomIn: 'Zoom in',
		zoomOut: 'Zoom out',
		fit: 'Fit all',
		expandOthers: 'Show every actor',
		collapseOthers: 'Busiest actors only',
		cluster: (n: number) => `${number.format(n)} events`,
		clusterHint: 'Zoom in to see them',
		laneCount: (n: number) => number.format(n),
		window: (from: string, to: string) => `${from} – ${to}`,
		loading: 'Drawing the timeline…',
		empty: 'No events to draw',
		overview:
			'Overview: events over the whole period; drag the highlighted window to move the timeline',
		selected: (title: string, date: string) => `Selected: ${title}, ${date}`,
		badLink: 'Part of the link was not understood and was ignored:',
		badWindow: 'the time window',
		badLanes: 'the lane grouping',
		unknownEvent: (id: string) => `No event has the id “${id}”.`
	},
	importer: {
		open: 'Import…',
		title: 'Import events',
		intro:
			'Trama reads its own format, TimelineJS3 and vis-timeline JSON, and lists of records whose fields you map. Nothing is written until you press Import.',
		files: 'JSON files',
		url: 'Or a web address',
		urlRead: 'Download',
		urlPlaceholder: 'https://example.org/events.json',
		urlBad: (why: string) => `Cannot download: ${why}.`,
		drop: 'Drop JSON files to import them',
		remove: (name: string) => `Remove ${name}`,
		stage: {
			reading: 'Reading',
			parsing: 'Parsing the JSON',
			validating: 'Checking records',
			comparing: 'Comparing with what is stored',
			writing: 'Writing'
		} satisfies Record<Stage, string>,
		progressOf: (stage: string, percent?: number) =>
			percent === undefined ? `${stage}…` : `${stage}: ${percent} %`,
		cancelWork: 'Stop',
		cancelledWrite: 'Import cancelled: nothing was written.',
		mapping: 'Map the fields of these records',
		mappingHint:
			'Pick the field that holds each piece of the event. Trama remembers your choice for files with the same fields.',
		mappingNone: '(none)',
		mappable: {
			title: 'Title',
			start: 'Date (start)',
			end: 'End date',
			actors: 'Actors',
			place: 'Place',
			summary: 'Summary',
			tags: 'Tags',
			url: 'Source link',
			id: 'Id'
		} satisfies Record<Mappable, string>,
		required: 'required',
		newActors: (n: number) => `Creates ${count(n, 'actor', 'actors')}:`,
		matchedActors: (n: number) =>
			`${count(n, 'actor', 'actors')} of the file matched to stored ones by name or alias:`,
		matchLine: (imported: string, existing: string) => `“${imported}” → ${existing}`,
		refusedLine: (imported: string) => `“${imported}” stays a separate actor`,
		undoMatch: 'Keep separate',
		redoMatch: 'Match again',
		examples: 'Example files:',
		paste: 'Or paste JSON',
		pasteRead: 'Read the pasted JSON',
		pastedName: 'Pasted JSON',
		/** A pasted dataset's first name, with the moment it was pasted (the user's clock). */
		pastedDataset: (when: number) => `Pasted ${formatLocalInstant(when, 'en-GB')}`,
		groups: 'TimelineJS and vis-timeline groups become',
		groupAs: { tag: 'Tags', actor: 'Actors' },
		format: {
			native: 'Trama',
			timelinejs: 'TimelineJS3',
			'vis-timeline': 'vis-timeline',
			records: 'List of records',
			backup: 'Trama backup (its datasets are added; nothing else changes)',
			unknown: 'Unknown'
		} satisfies Record<DetectedFormat, string>,
		detected: (format: string) => `Format: ${format}`,
		counts: (added: number, changed: number, identical: number, invalid: number) =>
			`${number.format(added)} new · ${number.format(changed)} changed · ${number.format(identical)} identical (skipped) · ${number.format(invalid)} invalid`,
		removed: (n: number) =>
			`${count(n, 'stored event', 'stored events')} of this dataset are not in the file and will go.`,
		intoMany: (datasets: { name: string; existing: boolean }[]) =>
			`Datasets: ${datasets.map((d) => `“${d.name}”${d.existing ? ' (updates it)' : ' (new)'}`).join(', ')}`,
		into: (name: string, existing: boolean) =>
			existing ? `Updates the dataset “${name}”` : `Creates the dataset “${name}”`,
		problemsHeading: (n: number) => `${count(n, 'invalid record', 'invalid records')} (skipped):`,
		more: (n: number) => `…and ${number.format(n)} more`,
		changedFields: (title: string, fields: string) => `${title}: ${fields}`,
		cannot: 'Cannot be imported:',
		commit: (n: number) => `Import ${count(n, 'event', 'events')}`,
		nothing: 'Nothing to import',
		cancel: 'Cancel',
		done: (n: number, datasets: number) =>
			`Imported ${count(n, 'event', 'events')} into ${count(datasets, 'dataset', 'datasets')}.`,
		failed: (why: string) => `The import failed and nothing was written: ${why}`
	},
	exporter: {
		open: 'Export & backup…',
		title: 'Export and back up',
		dataHeading: 'Export events',
		what: 'Events',
		selection: (n: number) => `What is shown now (${count(n, 'event', 'events')})`,
		selectionHint: 'The timeline’s window, the datasets shown and the actor filter.',
		dataset: (name: string, n: number) => `${name} (${count(n, 'event', 'events')})`,
		all: (n: number) => `Every dataset (${count(n, 'event', 'events')})`,
		format: 'Format',
		formats: {
			native: 'Trama JSON',
			csv: 'CSV (spreadsheets)',
			timelinejs: 'TimelineJS3 JSON'
		} satisfies Record<'native' | 'csv' | 'timelinejs', string>,
		formatHint: {
			native: 'Everything Trama holds; imports back unchanged.',
			csv: 'One row per event; actors and sources joined with “; ”.',
			timelinejs:
				'Titles, summaries, dates, the first source and periods; TimelineJS cannot hold the rest.'
		} satisfies Record<'native' | 'csv' | 'timelinejs', string>,
		allNativeHint:
			'Every dataset, as one backup file: Import adds its datasets back, Restore replaces everything with it.',
		download: 'Download',
		empty: 'There are no events to export here.',
		picturesHeading: 'Pictures of the views',
		picturesHint:
			'The timeline’s window and the network as they are now, with a caption of the window, datasets and sources.',
		timelineSvg: 'Timeline (SVG)',
		timelinePng: 'Timeline (PNG)',
		networkSvg: 'Network (SVG)',
		networkPng: 'Network (PNG)',
		noNetwork: 'Show the Network tab to take its picture.',
		caption: (window: string, datasets: string[], sources: number) =>
			`${window} · ${datasets.length ? datasets.join(', ') : 'no datasets shown'} · ${count(sources, 'source', 'sources')} · Trama`,
		selectionName: (window: string) => `Selection, ${window}`,
		allName: 'All datasets',
		backupHeading: 'Backup',
		backupHint:
			'One file with every dataset, actor, period and setting. Browser storage can be cleared by the browser or by you: keep a backup somewhere safe.',
		backup: 'Back up everything',
		restore: 'Restore from a backup…',
		restoreSummary: (when: string, datasets: number, events: number, actors: number) =>
			`This backup, made ${when}, holds ${count(datasets, 'dataset', 'datasets')}, ${count(events, 'event', 'events')} and ${count(actors, 'actor', 'actors')}.`,
		restoreReplaces: (datasets: number, events: number) =>
			`Restoring replaces everything stored now: ${count(datasets, 'dataset', 'datasets')} and ${count(events, 'event', 'events')}.`,
		restoreConfirm: 'Replace everything',
		restoreCancel: 'Keep what I have',
		restored: (datasets: number, events: number) =>
			`Restored ${count(datasets, 'dataset', 'datasets')} with ${count(events, 'event', 'events')}.`,
		restoreFailed: (why: string) => `Nothing was restored: ${why}`,
		exported: (name: string) => `Downloaded ${name}.`,
		failed: (why: string) => `The export failed: ${why}`,
		close: 'Close'
	},
	network: {
		label: 'Actor network of the timeline’s window',
		tab: 'Network',
		tableTab: 'Table',
		colourBy: 'Colour',
		colour: { kind: 'Kind', country: 'Country' },
		fit: 'Fit',
		legend: 'Legend',
		otherCountries: 'Other',
		sizeHint: 'Size: events in the window · width: shared events',
		summary: (nodes: number, edges: number) =>
			`${count(nodes, 'actor', 'actors')}, ${count(edges, 'link', 'links')} in the window`,
		empty: 'No actors take part in events in this window.',
		nodeLabel: (name: string, n: number) => `${name}, ${count(n, 'event', 'events')}`,
		shared: (n: number) => `${count(n, 'shared event', 'shared events')}`,
		unknownActor: (id: string) => `No actor has the id “${id}”.`
	},
	actorPanel: {
		label: 'Actor',
		close: 'Clear the actor selection',
		eventsInWindow: (n: number) => `${count(n, 'event', 'events')} in the window`,
		aliases: 'Also known as',
		connections: 'Connections in the window',
		noConnections: 'No connections in this window.',
		shared: (n: number) => count(n, 'shared event', 'shared events'),
		filter: 'Only these events on the timeline',
		showEvents: 'Show the events',
		hideEvents: 'Hide the events'
	},
	edgePanel: {
		label: 'Link',
		title: (a: string, b: string) => `${a} and ${b}`,
		close: 'Clear the link selection',
		events: (n: number) => `${count(n, 'shared event', 'shared events')} in the window`
	},
	details: {
		label: 'Event details',
		close: 'Close details',
		zoomTo: 'Zoom to event',
		date: 'Date',
		place: 'Place',
		participants: 'Participants',
		relations: 'Relations',
		kind: 'Kind',
		tags: 'Tags',
		confidence: 'Confidence',
		sources: 'Sources',
		notes: 'Notes',
		none: 'Select an event in the timeline or the table to see its details.',
		published: (date: string) => `published ${date}`,
		directed: '→',
		undirected: '—'
	},
	relation: {
		met: 'met',
		visited: 'visited',
		hosted: 'hosted',
		called: 'called',
		wrote_to: 'wrote to',
		negotiated_with: 'negotiated with',
		signed_agreement_with: 'signed an agreement with',
		supplied_weapons_to: 'supplied weapons to',
		sent_troops_to: 'sent troops to',
		provided_service_to: 'provided a service to',
		restricted_service_to: 'restricted a service to',
		accused: 'accused',
		denied: 'denied a claim about',
		denied_contact_with: 'denied contact with',
		rebelled_against: 'rebelled against',
		attacked: 'attacked',
		other: 'linked to'
	} satisfies Record<RelationType, string>,
	confidence: {
		confirmed: 'Confirmed',
		reported: 'Reported',
		claimed: 'Claimed',
		denied: 'Denied'
	} satisfies Record<Confidence, string>,
	confidenceHelp: {
		confirmed: 'Established by official statements of the parties or several independent reports',
		reported: 'Reported by credible media or governments; not confirmed by the parties',
		claimed: 'Asserted by one interested party only',
		denied: 'Publicly denied by a party involved'
	} satisfies Record<Confidence, string>,
	actorKind: {
		person: 'Person',
		state: 'State',
		organisation: 'Organisation',
		company: 'Company'
	} satisfies Record<ActorKind, string>,
	eventKind: {
		state_visit: 'State visit',
		official_visit: 'Official visit',
		summit: 'Summit',
		meeting: 'Meeting',
		call: 'Call',
		correspondence: 'Correspondence',
		agreement: 'Agreement',
		arms_transfer: 'Arms transfer',
		deployment: 'Deployment',
		conflict: 'Conflict',
		statement: 'Statement',
		report: 'Report',
		denial: 'Denial',
		other: 'Other'
	} satisfies Record<EventKind, string>
};

export type Messages = typeof en;
