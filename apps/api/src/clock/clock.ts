import { Injectable } from '@nestjs/common';

/** The API reads the time once per command and hands it to the domain, which never reads a clock. */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
