import { ALLOWED_DESCRIPTION } from './content-type';
import { DOCUMENT_KINDS, MAX_DOCUMENT_NAME_LENGTH } from '@l10k/domain';
import { ProblemException, invalidRequest, problem } from '../../problem-details';

/** The answers an upload can get before the domain sees it, each naming the part and the rule. */
export const uploadProblems = {
  notMultipart: () =>
    invalidRequest(
      'content-type',
      'multipart_form_data',
      'the body must be multipart/form-data with a boundary, holding one part named file and one named kind',
    ),
  malformed: (reason: string) =>
    invalidRequest('body', 'multipart_form_data', `the multipart body is malformed: ${reason}`),
  fileMissing: () => invalidRequest('file', 'required', 'file must be one uploaded file (a part named file)'),
  twoFiles: () => invalidRequest('file', 'one_file', 'send one file per upload'),
  notNamedFile: (part: string) =>
    invalidRequest(part, 'unknown_field', `${part} is not a part of an upload (only file and kind)`),
  fileNameMissing: () =>
    invalidRequest('file', 'file_name', 'file must carry its file name (filename in Content-Disposition)'),
  fileNameInvalid: () =>
    invalidRequest(
      'file',
      'file_name',
      `the file name must be at most ${MAX_DOCUMENT_NAME_LENGTH} characters, without control characters`,
    ),
  empty: () => invalidRequest('file', 'not_empty', 'file must not be empty'),
  disallowed: (found: string) =>
    invalidRequest(
      'file',
      'allowed_content_type',
      `file must be ${ALLOWED_DESCRIPTION}; its bytes are ${found}`,
    ),
  tooLarge: (maxBytes: number) => {
    const message = `file must be at most ${maxBytes} bytes (DOCUMENT_MAX_BYTES)`;
    return new ProblemException(
      problem(
        413,
        message,
        [{ field: 'file', rule: 'max_size', message, figures: { maxBytes } }],
        'payload-too-large',
      ),
    );
  },
  kindMissing: () => invalidRequest('kind', 'required', `kind must be one of ${DOCUMENT_KINDS.join(', ')}`),
  kindUnknown: () => invalidRequest('kind', 'is_in', `kind must be one of ${DOCUMENT_KINDS.join(', ')}`),
  kindTwice: () => invalidRequest('kind', 'once', 'kind must be sent once'),
  fieldTooLong: (field: string) =>
    invalidRequest(field, 'max_length', `${field} is longer than any value it may have`),
  tooManyParts: () => invalidRequest('body', 'multipart_parts', 'an upload has two parts: file and kind'),
};
