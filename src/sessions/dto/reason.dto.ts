import { Text } from '../../http/validators.js';

/** A correction (cancellation, retraction) always says why. */
export class ReasonDto {
  @Text(1000, 'Why', 'Cancelled because of the storm warning')
  reason!: string;
}
