import { Injectable, PipeTransform } from '@nestjs/common';
import { invalidRequest } from '../problem-details';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter that must be a uuid; anything else is a 400 naming it, never a lookup. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  constructor(
    private readonly field: string,
    private readonly what: string,
  ) {}

  transform(value: string): string {
    if (!UUID.test(value))
      throw invalidRequest(this.field, 'uuid', `${this.field} must be ${this.what} (a uuid)`);
    return value.toLowerCase();
  }
}

/** Application ids are uuids. */
@Injectable()
export class ApplicationIdPipe extends UuidPipe {
  constructor() {
    super('id', 'an application id');
  }
}
