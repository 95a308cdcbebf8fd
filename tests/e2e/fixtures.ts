/** Shared expectations about the shipped default dataset, read from the file itself. */
import { readFileSync } from 'node:fs';

interface DefaultFile {
	dataset: { name: string };
	events: { id: string; title: string; start: string; confidence: string }[];
}

export const defaultFile = JSON.parse(
	readFileSync('static/data/default.json', 'utf8')
) as DefaultFile;

export const DEFAULT_EVENT_COUNT = defaultFile.events.length;

/** "14 events" as the interface writes it. */
export const eventsLabel = (n: number) => `${n} ${n === 1 ? 'event' : 'events'}`;
