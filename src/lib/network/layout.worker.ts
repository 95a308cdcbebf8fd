/**
 * The layout worker: runs the force layout of the network (see `layout-client.ts`) and
 * posts the positions after each tick, moved rather than copied.
 */
import { ForceLayout, type LayoutNode } from './layout';
import { frameOf, type LayoutFrame, type ToLayoutWorker } from './layout-client';

const scope = self as unknown as {
	postMessage(message: LayoutFrame, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<ToLayoutWorker>) => void) | null;
};

/** The nodes whose ids the page last received: ids are sent again only when they change. */
let sent: readonly LayoutNode[] = [];
/**
 * A frame is on its way and the page has not drawn it yet: later ticks wait, and only the last
 * is sent once it has (a page slower than the layout never falls behind).
 */
let inFlight = false;
let waiting: { nodes: readonly LayoutNode[]; settled: boolean } | undefined;

function post(nodes: readonly LayoutNode[], settled: boolean): void {
	if (inFlight) {
		waiting = { nodes, settled };
		return;
	}
	inFlight = true;
	const same = nodes.length === sent.length && nodes.every((n, i) => n.id === sent[i]?.id);
	sent = nodes;
	const frame = frameOf(nodes, !same, layout.heat);
	frame.settled = settled;
	scope.postMessage(frame, [frame.xyrp.buffer]);
}

const layout: ForceLayout = new ForceLayout(
	// A large layout is run to its end at once: its first positions are already the last.
	(nodes) => post(nodes, layout.settled),
	undefined,
	() => post(layout.nodes, true)
);

scope.onmessage = ({ data }) => {
	switch (data.kind) {
		case 'drawn': {
			inFlight = false;
			const next = waiting;
			waiting = undefined;
			if (next) post(next.nodes, next.settled);
			break;
		}
		case 'update':
			// Nothing changed: say so, so the page knows whether the layout still moves.
			if (!layout.update(data.input)) post(layout.nodes, layout.settled);
			break;
		case 'shape':
			layout.shape(data.aspect);
			break;
		case 'pin':
			layout.pin(data.id, data.x, data.y);
			break;
		case 'release':
			layout.release(data.id);
			break;
		case 'still':
			layout.still = data.still;
			break;
		case 'stop':
			layout.stop();
			break;
	}
};
