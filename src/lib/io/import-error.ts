/**
 * The error an import gives: why an input cannot be imported, as a message for the user. Apart
 * from the readers, so that checking an address on the first screen does not load them.
 */
import { MessageError } from '../model/errors';

export class ImportError extends MessageError {
	override name = 'ImportError';
}
