import type { Actor } from '../actor';
import { evolveApplication } from '../application/evolve';
import type { ApplicationEvent } from '../application/events';
import { initialApplicationState, type ApplicationState } from '../application/state';
import {
  APPLICATION_ID,
  command,
  foreignOfficer,
  historyOf,
  metadata,
  programOfficer,
  reviewerA,
  story,
  townOfficer,
} from '../../test/fixtures';
import { specificationFor } from '../../test/given-when-then';
import { attachDocument } from './attach-document';
import type { AttachDocument } from './commands';
import type { DocumentKind } from './document-kinds';

const given = specificationFor<AttachDocument, ApplicationEvent, ApplicationState, undefined>({
  decide: attachDocument,
  evolve: evolveApplication,
  initialState: initialApplicationState,
});

const RECEIVED = '2025-06-04T11:30:00+09:00';
const SHA = 'a'.repeat(64);
const DOCUMENT_ID = '7f0c3b1e-4d2a-4b8e-9c61-2f5d8e0a1b33';

const attach = (
  overrides: Partial<AttachDocument['data']> = {},
  actor: Actor = townOfficer,
): AttachDocument => ({
  type: 'AttachDocument',
  data: {
    applicationId: APPLICATION_ID,
    documentId: DOCUMENT_ID,
    kind: 'business_plan',
    name: '事業計画書.pdf',
    size: 48_213,
    sha256: SHA,
    contentType: 'application/pdf',
    ...overrides,
  },
  metadata: metadata(actor, RECEIVED),
});

const attached = (kind: DocumentKind = 'business_plan') => ({
  type: 'DocumentAttached' as const,
  data: {
    applicationId: APPLICATION_ID,
    documentId: DOCUMENT_ID,
    kind,
    name: '事業計画書.pdf',
    size: 48_213,
    sha256: SHA,
    contentType: 'application/pdf',
    receivedAt: RECEIVED,
    receivedBy: townOfficer.sub,
  },
});

describe('AttachDocument', () => {
  it('records the receipt for the owning municipality’s draft, and the state lists it', () => {
    const state = given(historyOf(story.draft())).when(attach()).then([attached()]);
    expect(state).toMatchObject({
      status: 'draft',
      documents: [{ documentId: DOCUMENT_ID, name: '事業計画書.pdf', receivedBy: townOfficer.sub }],
    });
  });

  it.each([
    ['under review', story.underReview(), 'loan_letter'],
    ['revision requested', story.revisionRequested(), 'business_plan'],
    ['adopted', story.adopted(), 'evidence'],
  ] as const)('accepts a document while %s', (_status, commands, kind) => {
    given(historyOf(commands))
      .when(attach({ kind }))
      .then([attached(kind)]);
  });

  it('keeps the documents through a submission and a withdrawal', () => {
    const [created, ...afterCreation] = historyOf([...story.submitted(), command.withdraw()]);
    const fold = (events: readonly Parameters<typeof evolveApplication>[1][]) =>
      events.reduce(evolveApplication, initialApplicationState());
    expect(fold([created, attached(), ...afterCreation.slice(0, 1)])).toMatchObject({
      status: 'submitted',
      documents: [{ documentId: DOCUMENT_ID }],
    });
    expect(fold([created, attached(), ...afterCreation])).toMatchObject({
      status: 'withdrawn',
      documents: [{ documentId: DOCUMENT_ID }],
    });
  });

  it.each([
    ['withdrawn', [...story.draft(), command.withdraw()]],
    ['rejected', [...story.reviewed(), command.reject()]],
  ] as const)('refuses a %s application: it is closed', (status, commands) => {
    const error = given(historyOf(commands)).when(attach()).thenRejects('invalid_state');
    expect(error.message).toContain(status);
  });

  it('answers another municipality exactly as for a missing application', () => {
    const foreign = given(historyOf(story.draft())).when(attach({}, foreignOfficer)).thenRejects('not_found');
    const missing = given([]).when(attach()).thenRejects('not_found');
    expect(foreign).toEqual(missing);
  });

  it.each([programOfficer, reviewerA])('is not for a $role: they judge what was filed', (actor) => {
    given(historyOf(story.underReview())).when(attach({}, actor)).thenRejects('forbidden');
  });

  it('refuses the same document id twice', () => {
    given([...historyOf(story.draft()), attached()])
      .when(attach())
      .thenRejects('already_exists');
  });

  it.each([
    ['an unknown kind', { kind: 'photo' as DocumentKind }],
    ['an empty name', { name: ' ' }],
    ['a name with a folder', { name: '../etc/passwd' }],
    ['a name of 256 characters', { name: `${'あ'.repeat(252)}.pdf` }],
    ['an empty file', { size: 0 }],
    ['a fractional size', { size: 1.5 }],
    ['a SHA-256 in upper case', { sha256: 'A'.repeat(64) }],
    ['no content type', { contentType: '' }],
  ])('refuses %s', (_case, overrides) => {
    given(historyOf(story.draft())).when(attach(overrides)).thenRejects('invalid_command');
  });
});
