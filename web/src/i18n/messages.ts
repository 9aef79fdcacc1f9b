import { appMessages } from '../app/messages';
import { auditMessages } from '../features/audit/messages';
import { figureMessages } from '../features/figures/messages';
import { figuresMessages } from '../features/figures/year-messages';
import { importsMessages } from '../features/imports/messages';
import { mdesMessages } from '../features/mdes/messages';
import { offlineMessages } from '../features/offline/messages';
import { entriesMessages } from '../features/participants/messages';
import { projectMessages } from '../features/projects/messages';
import { reportsMessages } from '../features/reports/messages';
import { sessionMessages } from '../features/session/messages';
import { sessionsMessages } from '../features/sessions/messages';
import { tokensMessages } from '../features/tokens/messages';
import type { Locale } from './catalogue';

/** Every feature's catalogue, one line each: a new feature adds its own here. */
const catalogues = [
  appMessages,
  sessionMessages,
  projectMessages,
  sessionsMessages,
  entriesMessages,
  figureMessages,
  offlineMessages,
  figuresMessages,
  auditMessages,
  reportsMessages,
  tokensMessages,
  mdesMessages,
  importsMessages,
] as const;

type Keys<C> = C extends { fr: Readonly<Record<infer K, string>> } ? K : never;
export type MessageId = Keys<(typeof catalogues)[number]>;

export const messages: Readonly<Record<Locale, Readonly<Record<MessageId, string>>>> = {
  fr: Object.assign({}, ...catalogues.map((c) => c.fr)) as Record<MessageId, string>,
  nl: Object.assign({}, ...catalogues.map((c) => c.nl)) as Record<MessageId, string>,
};

/** Each feature's keys, to check that no two features use the same one. */
export const featureKeys: readonly (readonly string[])[] = catalogues.map((c) => Object.keys(c.fr));
