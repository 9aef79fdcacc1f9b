import { api } from '../../../api/client';
import { ApiProblem, unwrap } from '../../../api/problem';

/** Whether a participant id is registered (any role may ask: ids are pseudonymous). */
export async function participantExists(id: string): Promise<boolean> {
  try {
    await unwrap(api.GET('/api/participants/{id}', { params: { path: { id } } }));
    return true;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return false;
    throw error;
  }
}
