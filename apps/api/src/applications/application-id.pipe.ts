import { Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException, problem } from '../problem-details';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Application ids are uuids; anything else is a 400 naming `id`, never a lookup. */
@Injectable()
export class ApplicationIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) {
      const message = 'id must be an application id (a uuid)';
      throw new ProblemException(problem(400, message, [{ field: 'id', rule: 'uuid', message }], 'invalid-request'));
    }
    return value.toLowerCase();
  }
}
