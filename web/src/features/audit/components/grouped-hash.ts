/** A hash in groups of 4 hex digits, as the reports print it, so it can be read aloud and compared. */
export const groupedHash = (hash: string): string => hash.replace(/(.{4})(?=.)/g, '$1 ');
