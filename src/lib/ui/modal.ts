/**
 * An attachment that keeps a native `<dialog>` modal in step with an `open` flag:
 * `<dialog {@attach modal(() => open)}>`. Closing by Escape or a form still fires `close`.
 */
export function modal(isOpen: () => boolean) {
	return (dialog: HTMLDialogElement) => {
		const open = isOpen();
		if (open && !dialog.open) dialog.showModal();
		if (!open && dialog.open) dialog.close();
	};
}
