/** The languages of the app; French first, the default. */
export const LOCALES = ['fr', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

/** A feature's messages, ICU MessageFormat, in French and (the same keys) in Dutch. */
export interface Catalogue<K extends string> {
  readonly fr: Readonly<Record<K, string>>;
  readonly nl: Readonly<Record<K, string>>;
}

/** Declares a feature's catalogue: the Dutch must have exactly the French keys (checked by tsc). */
export function catalogue<K extends string>(fr: Readonly<Record<K, string>>, nl: Readonly<Record<K, string>>) {
  return { fr, nl } satisfies Catalogue<K>;
}
