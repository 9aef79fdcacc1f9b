import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem } from '../../../api/problem';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import type { Command } from './command';
import { submit, type Submitted } from './submit';

type FormState =
  | { readonly status: 'filling' }
  | { readonly status: 'sending' }
  | { readonly status: 'answered'; readonly submitted: Submitted }
  | { readonly status: 'refused'; readonly problem: ApiProblem };

/**
 * A form that sends one command. Its Idempotency-Key is made when the form is filled and kept
 * until the write is answered or queued, so a double click or a resend is one write; the next
 * filling gets a new key. A refusal's field errors are read by field name.
 */
export function useCommandForm() {
  const client = useQueryClient();
  const [key, setKey] = useState(newIdempotencyKey);
  const [state, setState] = useState<FormState>({ status: 'filling' });

  const send = async (make: (key: string) => Command): Promise<Submitted | undefined> => {
    if (state.status === 'sending') return undefined;
    setState({ status: 'sending' });
    try {
      const submitted = await submit(client, make(key));
      setState({ status: 'answered', submitted });
      return submitted;
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setState({ status: 'refused', problem: error });
      return undefined;
    } finally {
      setKey(newIdempotencyKey());
    }
  };

  return {
    state,
    send,
    sending: state.status === 'sending',
    fieldError: (field: string) => (state.status === 'refused' ? state.problem.fieldError(field) : undefined),
    /** The refusal's reason when it names no field of the form. */
    refusal: (fields: readonly string[]) =>
      state.status === 'refused' && !fields.some((field) => state.problem.fieldError(field) !== undefined)
        ? state.problem.message
        : undefined,
  };
}
