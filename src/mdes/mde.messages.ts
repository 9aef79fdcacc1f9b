import { CommandMessage } from '../command-handling/command-message.js';
import type { MdeRegisteredData } from './mde.events.js';

/** What the MDE registry takes on the command bus. */
export class RegisterMdeCommand extends CommandMessage<MdeRegisteredData> {}
