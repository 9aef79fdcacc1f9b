/** Time comes in from outside: handlers ask the clock, deciders receive dates. */
export abstract class Clock {
  abstract now(): Date;
  /** Today's business date (`YYYY-MM-DD`) in the programme's time zone. */
  abstract today(): string;
}

export class SystemClock extends Clock {
  private last = 0;
  private readonly dateFormat: Intl.DateTimeFormat;

  constructor(timeZone: string) {
    super();
    // en-CA formats dates as YYYY-MM-DD.
    this.dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  /** Never goes backwards, so `recordedAt` follows the order of the log within a process. */
  now(): Date {
    this.last = Math.max(this.last, Date.now());
    return new Date(this.last);
  }

  today(): string {
    return this.dateFormat.format(this.now());
  }
}
