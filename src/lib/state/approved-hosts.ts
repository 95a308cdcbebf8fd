/**
 * Hosts the user allowed Trama to download from without asking again (`trama.approvedHosts`).
 * Kept on this browser only: a backup never carries them (see `settings.ts`), so nobody else's
 * file can approve a host for this browser.
 */
export const APPROVED_HOSTS_KEY = 'trama.approvedHosts';
const MAX_HOSTS = 200;

/** The host of an address as approvals name it: "example.org", "localhost:8080". */
export const approvalHost = (url: string): string => new URL(url).host.toLowerCase();

/** Every approved host; none when storage is refused or the value is damaged. */
export function approvedHosts(): string[] {
	try {
		const json: unknown = JSON.parse(localStorage.getItem(APPROVED_HOSTS_KEY) ?? '[]');
		return Array.isArray(json) ? json.filter((h): h is string => typeof h === 'string') : [];
	} catch {
		return [];
	}
}

export const isApproved = (url: string): boolean => approvedHosts().includes(approvalHost(url));

/** Remembers a host; false when the browser refused to keep it. */
export function approveHost(host: string): boolean {
	const hosts = approvedHosts().filter((h) => h !== host);
	try {
		localStorage.setItem(APPROVED_HOSTS_KEY, JSON.stringify([host, ...hosts].slice(0, MAX_HOSTS)));
		return true;
	} catch {
		return false;
	}
}

/** Forgets every approval. */
export function forgetHosts(): void {
	try {
		localStorage.removeItem(APPROVED_HOSTS_KEY);
	} catch {
		// Storage refused: nothing was remembered.
	}
}
