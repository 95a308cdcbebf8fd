/** Errors as text for the user (pure). */

/** The message of anything thrown: an Error's message, or the value as text. */
export function messageOf(error: unknown): string {
	if (error instanceof Error) return error.message;
	return String(error);
}
