/**
 * Reading an input's bytes as text, with progress by bytes and the size limit, and the error
 * that says why an input cannot be imported. Used for files and downloads alike.
 */
import { MessageError } from '../model/errors';
import { MAX_FILE_BYTES, tooLarge } from './detect';

/** An error that says why an input cannot be imported, as a message for the user. */
export class ImportError extends MessageError {
	override name = 'ImportError';
}

/** The text of a stream, with progress by bytes; refuses more than MAX_FILE_BYTES. */
export async function readText(
	stream: ReadableStream<Uint8Array>,
	size: number | undefined,
	onProgress?: (done: number, total?: number) => void
): Promise<string> {
	if (size !== undefined && size > MAX_FILE_BYTES) throw new ImportError(tooLarge(size));
	const reader = stream.getReader();
	const decoder = new TextDecoder('utf-8');
	const parts: string[] = [];
	let read = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		read += value.byteLength;
		if (read > MAX_FILE_BYTES) {
			await reader.cancel();
			throw new ImportError(tooLarge(read));
		}
		parts.push(decoder.decode(value, { stream: true }));
		onProgress?.(read, size);
	}
	parts.push(decoder.decode());
	return parts.join('');
}
