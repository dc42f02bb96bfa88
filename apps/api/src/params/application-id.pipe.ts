import { Injectable, PipeTransform } from '@nestjs/common';
import { invalidRequest } from '../problem-details';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Application ids are uuids; anything else is a 400 naming `id`, never a lookup. */
@Injectable()
export class ApplicationIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) {
      const message = 'id must be an application id (a uuid)';
      throw invalidRequest('id', 'uuid', message);
    }
    return value.toLowerCase();
  }
}
