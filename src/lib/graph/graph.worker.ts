/**
 * The graph worker: holds the events as columns (see `columns.ts`) and answers each window's
 * actor graph off the page, so a large window's graph never blocks a frame.
 */
import { buffersOf, graphOfColumns } from './columns';
import type { FromGraphWorker, ToGraphWorker } from './graph-client';

const scope = self as unknown as {
	postMessage(message: FromGraphWorker, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<ToGraphWorker>) => void) | null;
};

let data: Extract<ToGraphWorker, { kind: 'data' }> | undefined;

scope.onmessage = ({ data: message }) => {
	if (message.kind === 'data') {
		data = message;
		return;
	}
	if (message.kind === 'forget') {
		data = undefined;
		return;
	}
	try {
		if (!data || data.generation !== message.generation) {
			scope.postMessage({ kind: 'stale', id: message.id }, []);
			return;
		}
		const answer = graphOfColumns(data.columns, data.idOrder, message.window, message.kept);
		scope.postMessage(
			{ kind: 'graph', id: message.id, generation: message.generation, answer },
			buffersOf(answer)
		);
	} catch (error) {
		scope.postMessage({ kind: 'error', id: message.id, message: String(error) }, []);
	}
};
