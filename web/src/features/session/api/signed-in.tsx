import { createContext, useContext } from 'react';
import type { SignedIn } from './session';

const SignedInContext = createContext<SignedIn | null>(null);

export const SignedInProvider = SignedInContext.Provider;

/** Who is signed in, on a screen that is only shown to someone signed in. */
export function useSignedIn(): SignedIn {
  const session = useContext(SignedInContext);
  if (session === null) throw new Error('useSignedIn outside a signed-in screen');
  return session;
}

/** Whose writes a queued command is: it is sent again only while the same token is signed in. */
export const ownerOf = (session: SignedIn): string => `${session.role}:${session.label}:${session.mdes.join(',')}`;
